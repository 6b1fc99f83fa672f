export { followTerminalOutput, forgetTerminalOutput } from './actions';
export { TerminalPanel } from './TerminalPanel';
