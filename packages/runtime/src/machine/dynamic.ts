// ## The dynamic environment
//
// Winders (`dynamic-wind`), exception handlers and parameter bindings, held as immutable lists so
// a captured continuation simply keeps a pointer to the environment it was captured in. It is part
// of the continuation and travels with it.

import { DynamicEnvironment, type HandlerNode, type ParameterBinding, type Winder } from "@termite/datum";

// The shapes are part of the travelling-code contract (a continuation carries its environment).
export { DynamicEnvironment, type HandlerNode, type ParameterBinding, type Winder };

export const EMPTY_DYNAMIC_ENVIRONMENT: DynamicEnvironment = new DynamicEnvironment(null, null, null);

export function withWinder(
  env: DynamicEnvironment,
  before: Winder["before"],
  after: Winder["after"],
): DynamicEnvironment {
  const winder: Winder = {
    before,
    after,
    outer: env,
    next: env.winders,
    depth: (env.winders?.depth ?? 0) + 1,
  };
  return new DynamicEnvironment(winder, env.handlers, env.parameters);
}

export function withHandler(env: DynamicEnvironment, handler: HandlerNode["handler"]): DynamicEnvironment {
  return new DynamicEnvironment(env.winders, { handler, next: env.handlers }, env.parameters);
}

export function withHandlers(env: DynamicEnvironment, handlers: HandlerNode | null): DynamicEnvironment {
  return new DynamicEnvironment(env.winders, handlers, env.parameters);
}

export function withParameter(
  env: DynamicEnvironment,
  parameter: object,
  value: unknown,
): DynamicEnvironment {
  return new DynamicEnvironment(env.winders, env.handlers, { parameter, value, next: env.parameters });
}

/** The innermost binding of `parameter`, or `undefined` when it is not parameterized. */
export function lookupParameter(env: DynamicEnvironment, parameter: object): ParameterBinding | undefined {
  for (let b = env.parameters; b !== null; b = b.next) if (b.parameter === parameter) return b;
  return undefined;
}

/**
 * The winders to leave (innermost first) and to enter (outermost first) to go from the winder list
 * `from` to `to`: the R7RS rule for calling a continuation.
 */
export function windPath(from: Winder | null, to: Winder | null): { leave: Winder[]; enter: Winder[] } {
  const leave: Winder[] = [];
  const enter: Winder[] = [];
  let a = from;
  let b = to;
  while ((a?.depth ?? 0) > (b?.depth ?? 0)) {
    leave.push(a!);
    a = a!.next;
  }
  while ((b?.depth ?? 0) > (a?.depth ?? 0)) {
    enter.push(b!);
    b = b!.next;
  }
  while (a !== b) {
    leave.push(a!);
    enter.push(b!);
    a = a!.next;
    b = b!.next;
  }
  enter.reverse();
  return { leave, enter };
}
