import type { WarningColour } from '@watchfloor/shared';

/** Screen colours of the four warning colours, readable on the dark wall. */
export const WARNING_COLOUR_HEX: Readonly<Record<WarningColour, string>> = {
  blue: '#2f7bff',
  yellow: '#f5c400',
  orange: '#ff7a00',
  red: '#e5252a',
};
