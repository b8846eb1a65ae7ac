import type { MappingConfig } from "../../src/index.js";

/** The first enabled user mapping, as preview picks it by default; -1 when there is none. */
export function userObjectIndex(config: MappingConfig): number {
  return config.objects.findIndex(
    (object) => object.enabled && object.sourceObjectName.toLowerCase() === "user",
  );
}

/**
 * The configuration with the playground's expression edits applied to the user object mapping. An
 * edited mapping drops the Graph `source` tree it was loaded with, so that writing the configuration
 * back regenerates the tree from the new expression instead of repeating the old one.
 */
export function withEdits(config: MappingConfig, overrides: Readonly<Record<number, string>>): MappingConfig {
  const objectIndex = userObjectIndex(config);
  const object = config.objects[objectIndex];
  if (!object || Object.keys(overrides).length === 0) return config;
  const mappings = object.mappings.map((mapping, index) => {
    const edited = overrides[index];
    if (edited === undefined) return mapping;
    const { source: _regenerated, ...extra } = mapping.extra;
    const { locations: _moved, ...rest } = mapping;
    return { ...rest, type: "expression" as const, expression: edited, expressionOffsets: undefined, extra };
  });
  const objects = config.objects.map((candidate, index) =>
    index === objectIndex ? { ...candidate, mappings } : candidate,
  );
  return { ...config, objects };
}

/** The source attributes the configuration's schema defines for the user mapping (for the editor). */
export function sourceAttributes(config: MappingConfig): string[] | undefined {
  const object = config.objects[userObjectIndex(config)];
  if (!object) return undefined;
  const directory = config.rules[object.rule]?.extra.sourceDirectoryName;
  const found = config.directories.find(
    (candidate) =>
      candidate.object === object.sourceObjectName &&
      (typeof directory !== "string" || candidate.directory === directory),
  );
  return found?.attributes.map((attribute) => attribute.name);
}
