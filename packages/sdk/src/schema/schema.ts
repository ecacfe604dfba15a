import { englishMessage, type Issue, type IssueDetails, type PathKey } from './issues.js';

/**
 * The schema type every validator of the SDK is built from: a parse function plus a plain
 * description (`def`) that tools can read (the OpenAI response format is generated from it).
 * Parsing collects every issue rather than stopping at the first, with zod's rules for which
 * problems stop further checks of the same value: a wrong type or value does, a failed check
 * (a length, a pattern, a refinement) does not. One deliberate difference: zod still runs a
 * length check on a value of the wrong type that has a length (`legs: 'TEB'` also got "Too big:
 * expected string to have <=12 characters"); here the type issue stands alone.
 */

/** An issue while a parse collects it; a `fatal` one stops the later checks of its value. */
interface PendingIssue extends Issue {
  readonly fatal: boolean;
}

/** The state of one parse, handed down the schema tree. */
export interface ParseContext {
  readonly issues: PendingIssue[];
  /** Where the value being parsed sits in the input. */
  readonly path: PathKey[];
  /** Set by a pipe whose first stage failed: the checks of that value do not run. */
  halted: boolean;
}

/**
 * Records an issue at the current path (plus `path`). Wrong types, values and unions are fatal;
 * failed checks are not, unless `fatal` says so.
 */
export function report(
  ctx: ParseContext,
  details: IssueDetails,
  message?: string,
  path?: readonly PathKey[],
  fatal = details.code === 'invalid_type' ||
    details.code === 'invalid_value' ||
    details.code === 'invalid_union',
): void {
  ctx.issues.push({
    code: details.code,
    path: path ? [...ctx.path, ...path] : [...ctx.path],
    message: message ?? englishMessage(details),
    fatal,
  });
}

/** True when an issue recorded from `start` on stops further checks. */
export const failedFrom = (ctx: ParseContext, start: number): boolean =>
  ctx.halted || ctx.issues.slice(start).some((issue) => issue.fatal);

/** What a check asserts, for tools that describe a schema (such as a JSON Schema generator). */
export type CheckDef =
  | { readonly kind: 'min_length' | 'max_length' | 'gte' | 'gt' | 'lte'; readonly value: number }
  | { readonly kind: 'regex'; readonly pattern: RegExp }
  | { readonly kind: 'int' | 'refine' };

/** A rule a parsed value must also follow (a length, a bound, a pattern, a refinement). */
export interface Check<T> {
  readonly def: CheckDef;
  run(value: T, ctx: ParseContext): void;
  /** A size cap: rejects an oversized input before its parts are parsed (true when it did). */
  cap?(input: unknown, ctx: ParseContext): boolean;
}

/** The description of a schema: its kind, its parts, and the checks added to it. */
export interface SchemaDef {
  readonly type: string;
  readonly checks?: readonly Check<never>[];
}

/** The failure of `parse`, with every issue found. */
export class SchemaError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(prettifyIssues(issues));
    this.name = 'SchemaError';
    this.issues = issues;
  }
}

/** The outcome of `safeParse`: the parsed data, or the error with every issue. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T; readonly error?: undefined }
  | { readonly success: false; readonly data?: undefined; readonly error: SchemaError };

/** The Standard Schema v1 interface (https://standardschema.dev), as its spec asks to copy it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

// eslint-disable-next-line @typescript-eslint/no-namespace -- the shape the Standard Schema spec publishes
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: readonly Issue[];
  }
  interface Issue {
    readonly message: string;
    readonly path?: readonly (PropertyKey | PathSegment)[] | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

/** Parses `value` (already known to be at `ctx.path`) and returns the output. */
export type Runner<Output> = (value: unknown, ctx: ParseContext) => Output;

/**
 * A schema: parses unknown input into `Output` (what the input type `Input` turns into).
 *
 * @example
 * const result = SessionPatchSchema.safeParse({ title: 'TEB → VNY' });
 * if (!result.success) console.log(result.error.issues);
 */
export class Schema<
  Output = unknown,
  Input = Output,
  Def extends SchemaDef = SchemaDef,
> implements StandardSchemaV1<Input, Output> {
  /** Types only, for inference: never set. */
  declare readonly '~types'?: StandardSchemaV1.Types<Input, Output>;
  /** The schema's description: kind, parts and checks. */
  readonly def: Def;
  /** Parses within a parse already under way (for schemas that contain this one). */
  readonly '~run': Runner<Output>;

  constructor(def: Def, run: Runner<Output>) {
    this.def = def;
    this['~run'] = run;
  }

  /** Parses `value`: the data, or the error listing every issue. Never throws. */
  safeParse(value: unknown): SafeParseResult<Output> {
    const ctx: ParseContext = { issues: [], path: [], halted: false };
    const data = this['~run'](value, ctx);
    if (ctx.issues.length === 0) return { success: true, data };
    const issues = ctx.issues.map(({ code, path, message }) => ({ code, path, message }));
    return { success: false, error: new SchemaError(issues) };
  }

  /** Parses `value`, throwing a {@link SchemaError} when it does not fit. */
  parse(value: unknown): Output {
    const result = this.safeParse(value);
    if (!result.success) throw result.error;
    return result.data;
  }

  /**
   * The same schema with more checks, run in order on the parsed value unless a fatal issue
   * came first. A size cap among them rejects an oversized input before it is parsed.
   */
  check(...checks: readonly Check<Output>[]): Schema<Output, Input, Def> {
    const run = this['~run'];
    return new Schema(
      { ...this.def, checks: [...(this.def.checks ?? []), ...checks] },
      (value, ctx) => {
        if (checks.some((check) => check.cap?.(value, ctx))) return value as Output;
        let start = ctx.issues.length;
        const output = run(value, ctx);
        for (const check of checks) {
          if (failedFrom(ctx, start)) break;
          start = ctx.issues.length;
          check.run(output, ctx);
        }
        return output;
      },
    );
  }

  /** Standard Schema v1: any Standard Schema consumer can validate with this schema. */
  get '~standard'(): StandardSchemaV1.Props<Input, Output> {
    return {
      version: 1,
      vendor: 'chat-sessions',
      validate: (value) => {
        const result = this.safeParse(value);
        return result.success ? { value: result.data } : { issues: result.error.issues };
      },
    };
  }
}

/** Any schema. */
export type AnySchema = Schema<unknown, unknown>;

/** What a schema parses into. */
export type Output<S extends AnySchema> = NonNullable<S['~types']>['output'];
/** What a schema accepts. */
export type Input<S extends AnySchema> = NonNullable<S['~types']>['input'];
/** What a schema parses into (the usual name). */
export type Infer<S extends AnySchema> = Output<S>;

/** `a.b[2].c`, as zod's `prettifyError` writes a path. */
function dotPath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/[^\w$]/.test(key)) text += `[${JSON.stringify(key)}]`;
    else text += text ? `.${key}` : key;
  }
  return text;
}

/**
 * Issues as lines a developer reads, shallowest first (zod's `prettifyError` format):
 * `✖ Invalid input\n  → at referenceDate`.
 */
export function prettifyIssues(issues: readonly Issue[]): string {
  return [...issues]
    .sort((a, b) => a.path.length - b.path.length)
    .map(
      (issue) => `✖ ${issue.message}${issue.path.length ? `\n  → at ${dotPath(issue.path)}` : ''}`,
    )
    .join('\n');
}
