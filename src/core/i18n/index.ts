/** The core's dictionaries, one per language (Vietnamese first). */
import type { Lang } from "../messages";
import { en } from "./en";
import { vi, type CoreText } from "./vi";

export type {
  CoreText,
  FormulaArg,
  FormulaCellList,
  FrameworkErrorData,
  FrameworkNameList,
  FrameworkNumberField,
  SettingsNumber,
} from "./vi";

export const CORE_TEXT: Readonly<Record<Lang, CoreText>> = { vi, en };

export type FrameworkErrorCode = keyof CoreText["frameworkErrors"];
export type FrameworkErrorParams<C extends FrameworkErrorCode> = Parameters<
  CoreText["frameworkErrors"][C]
>[0];

/** A framework error's line in a language. */
export function frameworkErrorText<C extends FrameworkErrorCode>(
  code: C,
  params: FrameworkErrorParams<C>,
  lang: Lang,
): string {
  return (CORE_TEXT[lang].frameworkErrors[code] as (p: FrameworkErrorParams<C>) => string)(params);
}

export type FormulaReason = keyof CoreText["formulaErrors"];
export type FormulaReasonParams<R extends FormulaReason> = Parameters<CoreText["formulaErrors"][R]>[0];

/** Why a custom function gave an Excel error, in a language. */
export function formulaErrorText<R extends FormulaReason>(
  reason: R,
  params: FormulaReasonParams<R>,
  lang: Lang,
): string {
  return (CORE_TEXT[lang].formulaErrors[reason] as (p: FormulaReasonParams<R>) => string)(params);
}
