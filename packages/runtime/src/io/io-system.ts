// ## One node's I/O
//
// The console ports, the three current-port parameters, the file output ports still open, and the
// primitive groups that use them. `ioSystem(context)` makes it once per context, so the groups
// installed in a node and the ports the CLI flushes at exit are the same objects.

import { parameterOf } from "@termite/datum";
import { filePrimitives } from "#host";
import { typeError } from "../errors.js";
import { makeParameter, type Parameter } from "../machine/control.js";
import { current } from "../machine/thread.js";
import type { PrimitiveGroup } from "../primitive.js";
import { binaryInputBindings } from "./binary-input-primitives.js";
import { featureBindings } from "./features.js";
import type { IoContext } from "./io-context.js";
import type { NodeIo } from "./node-io.js";
import { SinkOutput } from "./output.js";
import { extrasBindings, outputBindings, writeBindings } from "./output-primitives.js";
import { Port } from "./port.js";
import { portBindings } from "./port-primitives.js";
import { processContextBindings } from "./process-context.js";
import { readBindings } from "./read-datum.js";
import { TextInput } from "./text-input.js";
import { textInputBindings } from "./text-input-primitives.js";
import { timeBindings } from "./time.js";

export class IoSystem implements NodeIo {
  /** The console ports: what the current-port parameters hold until a program rebinds them. */
  readonly stdin: Port;
  readonly stdout: Port;
  readonly stderr: Port;
  readonly currentInputPort: Parameter;
  readonly currentOutputPort: Parameter;
  readonly currentErrorPort: Parameter;
  /** Output ports whose buffered data `flushAll` must write out. */
  private readonly openFiles = new Set<Port>();
  /** The primitives, by library, to install in the node's global environment. */
  readonly groups: readonly PrimitiveGroup[];

  constructor(readonly context: IoContext) {
    this.stdin = new Port("console", "stdin", { textIn: new TextInput("", context.stdin) });
    this.stdout = new Port("console", "stdout", { textOut: new SinkOutput(context.stdout) });
    this.stderr = new Port("console", "stderr", { textOut: new SinkOutput(context.stderr) });
    this.currentInputPort = makeParameter(this.stdin, (x: unknown) =>
      Port.isInstance(x) && x.isInput ? x : typeError("current-input-port", "an input port", x),
    );
    this.currentOutputPort = makeParameter(this.stdout, (x: unknown) =>
      Port.isInstance(x) && x.isOutput ? x : typeError("current-output-port", "an output port", x),
    );
    this.currentErrorPort = makeParameter(this.stderr, (x: unknown) =>
      Port.isInstance(x) && x.isOutput ? x : typeError("current-error-port", "an output port", x),
    );
    this.groups = [
      {
        library: "scheme/base",
        bindings: {
          ...portBindings(this),
          ...textInputBindings(this),
          ...binaryInputBindings(this),
          ...outputBindings(this),
          ...featureBindings,
        },
      },
      { library: "scheme/file", bindings: filePrimitives(this) },
      { library: "scheme/read", bindings: readBindings(this) },
      { library: "scheme/write", bindings: writeBindings(this) },
      { library: "scheme/process-context", bindings: processContextBindings(this) },
      { library: "scheme/time", bindings: timeBindings },
      { library: "termite/extras", bindings: extrasBindings(this) },
    ];
  }

  /** The current input port of the running thread (the global value outside any thread). */
  currentInput(): unknown {
    return parameterValue(this.currentInputPort);
  }

  currentOutput(): unknown {
    return parameterValue(this.currentOutputPort);
  }

  currentError(): unknown {
    return parameterValue(this.currentErrorPort);
  }

  /** Notes a file output port, so `flushAll` reaches it until it is closed. */
  track(port: Port): void {
    this.openFiles.add(port);
  }

  forget(port: Port): void {
    this.openFiles.delete(port);
  }

  /** Writes out every buffered file output: the CLI calls this before the node exits. */
  flushAll(): void {
    for (const port of this.openFiles) (port.textOut ?? port.bytesOut)?.flush();
  }
}

function parameterValue(p: Parameter): unknown {
  return current === undefined ? parameterOf(p)!.value : p();
}

const systems = new WeakMap<IoContext, IoSystem>();

/** The node's I/O for `context`, made on first use. */
export function ioSystem(context: IoContext): IoSystem {
  let io = systems.get(context);
  if (io === undefined) {
    io = new IoSystem(context);
    systems.set(context, io);
  }
  return io;
}

/**
 * The I/O primitives of the node whose I/O is `context`, by library: `scheme/base` (ports, char
 * and byte I/O, current ports), `scheme/file`, `scheme/read`, `scheme/write`,
 * `scheme/process-context`, `scheme/time` and `termite/extras` (`print`, `println`, `pp`).
 */
export function ioPrimitiveGroups(context: IoContext): readonly PrimitiveGroup[] {
  return ioSystem(context).groups;
}
