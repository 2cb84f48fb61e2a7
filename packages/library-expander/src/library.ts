// ## Libraries as the expander sees them
//
// A library is a name and a table of exports. Native libraries (the runtime's primitives, the
// expander's keywords, TypeScript transformers) are filled through the registry; libraries read
// from source also carry their expansion, which the runtime runs before anything importing them.

import type { CoreModule } from "@termite/core";
import type { ModuleName } from "@termite/namespace";
import type { Binding } from "./environment.js";

export interface Library {
  /** The flat name: `scheme/base`, `github.com/fred/hello@1.0`. */
  readonly name: string;
  readonly moduleName: ModuleName;
  /** Exported name -> binding, in export order. */
  readonly exports: Map<string, Binding>;
  /** The expansion, for a library read from source. */
  module?: CoreModule | undefined;
  /** The file it was read from, if any. */
  file?: string | undefined;
}
