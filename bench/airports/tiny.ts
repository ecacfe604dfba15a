// A module with nothing in it: the airport benchmark's baseline for the cost of a lazy import.
export const TINY = true;
