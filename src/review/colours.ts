/** Colours for terminal reports (the CLI passes its palette; everything else gets plain text). */
export interface Colours {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const same = (text: string) => text;

export const NO_COLOURS: Colours = { red: same, yellow: same, cyan: same, dim: same, bold: same };
