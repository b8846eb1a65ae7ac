import type { Dialect } from "../checker/index.js";
import type { DirectoryDefinition, MappingConfig, ObjectMapping, SyncRule } from "./model.js";

/** What a format loader produces; loadConfig adds the format and the expression diagnostics. */
export interface LoadedParts {
  readonly rules: SyncRule[];
  readonly objects: ObjectMapping[];
  readonly extra: Record<string, unknown>;
  readonly directories: readonly DirectoryDefinition[];
  readonly dialect: Dialect;
  readonly assignment: MappingConfig["assignment"];
}
