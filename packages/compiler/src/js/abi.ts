/** Bumped whenever generated code or frame layouts change: frames only travel between equal ABIs. */
export const COMPILER_ABI = 6;
