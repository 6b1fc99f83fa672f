export { loadProfileLibrary, loadProfileFile, parseProfileYaml, findProfile, DEFAULT_PROFILES_DIRECTORY } from './loadProfileLibrary';
export type { ProfileLibrary, LoadedProfile, LibraryProblem } from './loadProfileLibrary';
export { profileJsonSchema, profileJsonSchemaText, writeProfileJsonSchema, PROFILE_SCHEMA_PATH } from './profileJsonSchema';
export { importSiteSheet } from './importSiteSheet';
export { importCsvSheet, decodeSheetText, parseCsv } from './csvSheet';
export { importXlsxSheet } from './xlsxSheet';
export type { SiteSheet, SheetImport, SheetImportOptions, SheetProblem, SheetProblemCode } from './siteSheet';
