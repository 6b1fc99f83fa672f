export * from './fileTranscript';
export * from './memoryTranscript';
export * from './transcriptFormatter';
