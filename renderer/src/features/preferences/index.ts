export { setLanguage, storedLanguage } from './actions';
