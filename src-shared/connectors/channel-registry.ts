// The channel names of every registered connector, zod-free so the preload can bundle them. It
// lists the same connectors as registry.ts, in the same order (the conformance suite checks it).
import { r2Channels } from './r2/channels';
import { revnueChannels } from './revnue-v2/channels';

export const connectorChannels = [...revnueChannels, ...r2Channels] as const;
