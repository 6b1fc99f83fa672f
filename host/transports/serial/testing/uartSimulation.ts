/**
 * Test support: what a UART set to `readBaud` receives when the device sends `bytes` at
 * `sentBaud`, 8N1, frames back to back. Each frame is a start bit (0), eight data bits LSB
 * first and a stop bit (1); the line idles at 1. The receiver waits for a falling edge, samples
 * the middle of each bit at its own rate and, like Linux without PARMRK, delivers a frame whose
 * stop bit is 0 (a framing error) as NUL. At equal rates the bytes come through unchanged.
 */
export function misreadUart(bytes: Uint8Array, sentBaud: number, readBaud: number): Uint8Array {
  const bits: number[] = [];
  for (const byte of bytes) {
    bits.push(0);
    for (let bit = 0; bit < 8; bit += 1) bits.push((byte >> bit) & 1);
    bits.push(1);
  }
  const sentBitSeconds = 1 / sentBaud;
  const end = bits.length * sentBitSeconds;
  const level = (time: number): number => (time >= end ? 1 : (bits[Math.floor(time / sentBitSeconds)] ?? 1));
  const readBitSeconds = 1 / readBaud;
  // Look for edges at 1/16 of the receiver's bit time, as UARTs oversample.
  const step = readBitSeconds / 16;
  const received: number[] = [];
  let time = 0;
  let previous = 1;
  while (time < end) {
    const current = level(time);
    if (previous === 1 && current === 0) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit += 1) byte |= level(time + (bit + 1.5) * readBitSeconds) << bit;
      const stop = level(time + 9.5 * readBitSeconds);
      received.push(stop === 1 ? byte : 0);
      time += 9.5 * readBitSeconds;
      previous = stop;
      continue;
    }
    previous = current;
    time += step;
  }
  return Uint8Array.from(received);
}
