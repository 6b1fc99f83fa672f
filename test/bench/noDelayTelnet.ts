import { adoptIntoPeer, type FrrPeer } from '../peers/frr';
import { frrLayout } from '../peers/frrFiles';
import { freeLoopbackPort, waitForGreeting } from '../peers/localPorts';
import { isAlive, killTrees, spawnDetached } from '../peers/processTree';
import { programs } from '../peers/requirements';

/**
 * A second telnetd listener on the peer, like the harness's but with Nagle's algorithm off on
 * the accepted socket (socat `nodelay`), as Cisco IOS runs by default (`service nagle` is off).
 * With Nagle on (socat's default, and many Linux telnetds), the prompt that follows a line's echo
 * waits for our delayed ACK, about 40 ms a line: the bench shows both. 127.0.0.1 only; the peer's
 * stop() ends it.
 */
export async function startNoDelayTelnet(peer: FrrPeer): Promise<number> {
  const layout = frrLayout(peer.stateDir);
  const port = await freeLoopbackPort();
  const listener = spawnDetached(
    'telnetd-nodelay',
    programs.socat,
    [`TCP4-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork,nodelay`, `EXEC:${programs.telnetd} -h -E ${layout.loginWrapper},nofork`],
    layout.harnessLog,
  );
  adoptIntoPeer(peer, listener);
  try {
    await waitForGreeting({
      port,
      // inetutils telnetd opens with IAC WILL AUTHENTICATION before any text.
      accept: (received) => received[0] === 0xff,
      timeoutMilliseconds: 30_000,
      giveUp: () => (isAlive(listener) ? undefined : 'the no-delay telnetd listener exited'),
    });
  } catch (error) {
    await killTrees([listener]);
    throw error;
  }
  return port;
}
