export { TelnetTransport, createTelnetTransport, defaultColumns, defaultRows, defaultTerminalType, type TelnetTransportOptions } from './telnetTransport';
export { maxSubnegotiationBytes } from './telnetProtocol';
export { maxAnswersPerOption } from './telnetOptions';
