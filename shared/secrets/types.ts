/**
 * Known secret values of a session (passwords, enable secrets, keys). Everything that leaves a
 * session — transcripts, logs, terminal events, command outputs — passes through `mask`.
 */
export interface SecretMasker {
  /** Register a value to mask from now on. Empty and very short values are ignored. */
  add(value: string): void;
  /** Replace every registered secret (and dialect-declared secret patterns) with `******`. */
  mask(text: string): string;
  /**
   * A stream-aware masker: feed chunks, get masked text back. It holds back the longest tail
   * that could still be the start of a secret, so a secret split across chunks is still masked.
   * `flush()` releases what is held back.
   */
  stream(): { push(chunk: string): string; flush(): string };
}

/** Where masked transcript text goes (a file, memory in tests). */
export interface TranscriptSink {
  /** `direction` is what the text did: received from or sent to the device, or a note. */
  append(direction: 'in' | 'out' | 'note', maskedText: string): void;
  close(): Promise<void>;
}

export const MASK = '******';
