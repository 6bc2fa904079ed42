export * from "./protection";
export * from "./rules";
export * from "./usage";
