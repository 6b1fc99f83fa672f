import { cloneTree } from '../configTree';
import type { CommandContext, CommandHandler, Question, Reply } from '../types';

/** Version text of a persona: `{{hostname}}` stands for the simulated host name. */
export function versionHandler(template: string): CommandHandler {
  return ({ device }) => template.replaceAll('{{hostname}}', device.hostname);
}

/** `terminal length N`, `screen-length N temporary`, `set cli screen-length N`: 0 turns paging off. */
export function pageLengthHandler(wordIndex: number, reply: (lines: number) => string = () => ''): CommandHandler {
  return ({ connection, words }) => {
    const lines = Number(words[wordIndex]);
    if (!Number.isInteger(lines) || lines < 0 || lines > 512) return { output: "% Invalid input detected at '^' marker.\n" };
    connection.pageLength = lines;
    return { output: reply(lines) };
  };
}

/** Paging off (`screen-length disable`, `more off`), or back on at the line's page length (`more on`). */
export function pagingSwitch(on: boolean, output = ''): CommandHandler {
  return ({ connection }) => {
    connection.pageLength = on ? connection.defaultPageLength : 0;
    return { output };
  };
}

/** Copies the running configuration to the startup configuration. */
export function saveNow(context: CommandContext): void {
  context.device.startup = cloneTree(context.device.running);
}

/** A yes/no question: `yes` words save and print `saved`, `no` words print `aborted`, anything else `other(line)`. */
export function confirm(prompt: string, options: { yes: RegExp; no: RegExp; onYes(): Reply; onNo(): Reply; other(line: string): Reply | Question }): Question {
  const question: Question = {
    prompt,
    answer: (line) => {
      const typed = line.trim();
      if (options.yes.test(typed)) return options.onYes();
      if (options.no.test(typed)) return options.onNo();
      const other = options.other(typed);
      return 'answer' in other ? { output: '', question: other } : other;
    },
  };
  return question;
}
