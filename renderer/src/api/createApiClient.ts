import { FieldKitError, type ApiClient } from '../../../shared/contract';
import { createElectronClient } from './electronClient';
import type { HostLink } from './hostLink';
import { createWebSocketClient, webSocketUrl } from './webSocketClient';

/**
 * Picks the carrier: Electron's preload bridge when present, otherwise the web-mode WebSocket
 * on the origin that served this page, authenticated by the `#token=` fragment.
 */
export function createApiClient(onLinkChange: (link: HostLink) => void): ApiClient {
  if (window.fieldkit) {
    onLinkChange('open');
    return createElectronClient(window.fieldkit);
  }
  const url = webSocketUrl(window.location);
  if (!url) {
    onLinkChange('unavailable');
    return unavailableClient();
  }
  onLinkChange('connecting');
  return createWebSocketClient(new WebSocket(url), onLinkChange);
}

function unavailableClient(): ApiClient {
  return {
    invoke: () => Promise.reject(new FieldKitError('Internal', 'no FieldKit host: the page address has no access token')),
    subscribe: () => () => undefined,
  };
}
