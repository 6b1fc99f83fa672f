/// <reference types="vite/client" />
// The reference types the CSS import for checkers outside the renderer's tsconfig (unit tests import this file).
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { attachTerminalOutput, resizeTerminal, sendTerminalInput } from './actions';

interface TerminalViewProps {
  sessionId: string;
  /** A closed session keeps its scrollback on screen but takes no keystrokes. */
  readOnly: boolean;
}

const theme = {
  background: '#0f1720',
  foreground: '#d8dee9',
  cursor: '#8fbcbb',
  selectionBackground: '#3b4a5f',
};

/** One xterm per session; remounted (key = sessionId) when the technician connects again. */
export function TerminalView({ sessionId, readOnly }: TerminalViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const readOnlyRef = useRef(readOnly);

  useEffect(() => {
    readOnlyRef.current = readOnly;
  }, [readOnly]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const terminal = new Terminal({
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Consolas, "WenQuanYi Micro Hei Mono", monospace',
      fontSize: 13,
      cursorBlink: true,
      scrollback: 10_000,
      theme,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(container);
    const detach = attachTerminalOutput(sessionId, (data) => terminal.write(data));
    const input = terminal.onData((data) => {
      if (!readOnlyRef.current) sendTerminalInput(sessionId, data);
    });
    const resize = terminal.onResize(({ cols, rows }) => resizeTerminal(sessionId, cols, rows));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(container);
    fit.fit();
    resizeTerminal(sessionId, terminal.cols, terminal.rows);
    terminal.focus();
    return () => {
      observer.disconnect();
      resize.dispose();
      input.dispose();
      detach();
      terminal.dispose();
    };
  }, [sessionId]);

  return <div ref={containerRef} className="terminal-view" data-testid="terminal-view" />;
}
