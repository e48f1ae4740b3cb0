/**
 * The settings: a framework editor. Choose one from the library or take the one the sheet implies;
 * add, remove, rename and reorder criteria and groups; maxima or weights; scale and decimals;
 * levels (names and bounds); import and export JSON; units with a reduced maximum. Checked by the
 * core's own validation (framework.ts), the reason shown next to the field; nothing invalid is
 * saved. Saved into the workbook (very hidden sheet CQS_Settings), where `cqs` reads it.
 */
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  compileFramework,
  DEFAULT_FRAMEWORK,
  exactToString,
  FrameworkError,
  frameworkFromJson,
  HEADER_ROLES,
  frameworkLevels,
  frameworkToJson,
  LIBRARY,
  frameworkErrorMessage,
  localNumber,
  multiplyExact,
  parseNumberText,
  sumExact,
  type Criterion,
  type Framework,
  type HeaderRole,
  type Lang,
  type HeaderWordProblem,
  type LevelSpec,
  type ReducedMax,
} from "../../core";
import { headerWordsProblem, textOfWords, withRoleWords } from "../header-words";
import { PANE_TEXT, type PaneStrings } from "../strings";
import { CheckedField, NameField, NumberInput, RowButton, typedNumber } from "./EditorFields";
import { VIEW_STYLES } from "./viewStyles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  thNum: { textAlign: "right" },
  td: { padding: `${tokens.spacingVerticalXXS} 0`, verticalAlign: "middle" },
  tdNum: { width: "76px", textAlign: "right" },
  sumRow: { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { width: "68px", textAlign: "right" },
  thresholds: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  fill: { width: "100%", minWidth: 0 },
  reducedRow: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  grow: { flexGrow: 1, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start" },
  small: { width: "64px", minWidth: 0 },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

export interface SettingsViewProps {
  readonly lang: Lang;
  /** The framework stored in the workbook, or undefined (the default applies). */
  readonly stored?: Framework;
  readonly loadError?: string;
  readonly disabled: boolean;
  readonly onSave: (framework: Framework) => Promise<boolean>;
  readonly savedMessage?: string;
  /** The framework the last check's tables imply (the same as `cqs framework infer`), if checked. */
  readonly inferred?: Framework;
}

/** What is wrong with a draft: the core's verdict, with the field it names. */
interface Problem {
  readonly field?: string;
  readonly code?: string;
  readonly message: string;
}

function problemOf(draft: Framework, lang: Lang): Problem | undefined {
  // The header words are judged from their fields' texts as typed (headerWordsProblem), by the same rule.
  const { words: _words, ...rest } = draft;
  try {
    compileFramework(rest);
  } catch (e) {
    if (e instanceof FrameworkError)
      return {
        ...(e.detail?.field ? { field: e.detail.field } : {}),
        ...(e.detail?.code ? { code: e.detail.code } : {}),
        message: frameworkErrorMessage(e, lang),
      };
    return { message: e instanceof Error ? e.message : String(e) };
  }
  for (const r of draft.reducedMax)
    if (r.unit.trim() === "") return { field: "reducedMax", message: PANE_TEXT[lang].reducedUnitMissing };
  return undefined;
}

/** The reason shown next to a header-words field. */
function wordProblemText(p: HeaderWordProblem, t: PaneStrings): string {
  if (p.code === "EMPTY") return p.word !== undefined ? t.fwWordNothing(p.word) : t.fwWordEmpty;
  return p.first === p.role ? t.fwWordTwice(p.word!) : t.fwWordElsewhere(p.word!, t.fwWordRole(p.first!));
}

/** Σ max (× weight when weighted), or undefined while a number is missing. */
function sumOfMax(draft: Framework): string | undefined {
  const parts = draft.criteria.map((c) => {
    const max = parseNumberText(c.max);
    if (max === undefined || c.weight === undefined) return max;
    const w = parseNumberText(c.weight);
    return w === undefined ? undefined : multiplyExact(max, w);
  });
  if (parts.some((p) => p === undefined)) return undefined;
  return exactToString(sumExact(parts as NonNullable<(typeof parts)[number]>[]));
}

/** The framework as the editor holds it: its levels always listed (I–IV from the thresholds). */
function editable(framework: Framework): Framework {
  return { ...framework, levels: frameworkLevels(framework) };
}

/** A key not used by any of `taken`. */
function freshKey(prefix: string, taken: ReadonlyArray<{ key: string }>): string {
  const keys = new Set(taken.map((x) => x.key));
  let n = taken.length + 1;
  while (keys.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function move<T>(list: ReadonlyArray<T>, i: number, by: number): T[] {
  const out = [...list];
  const j = i + by;
  if (j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export function SettingsView({
  lang,
  stored,
  loadError,
  disabled,
  onSave,
  savedMessage,
  inferred,
}: SettingsViewProps): React.JSX.Element {
  const styles = useStyles();
  const t = PANE_TEXT[lang];
  const [draft, setDraft] = useState<Framework>(() => editable(stored ?? DEFAULT_FRAMEWORK));
  // The framework the edits started from: a renamed criterion keeps its former name as a header
  // spelling, so the sheet's column is still found.
  const [loaded, setLoaded] = useState<Framework>(() => stored ?? DEFAULT_FRAMEWORK);
  const [dirty, setDirty] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  const [importError, setImportError] = useState<string | undefined>();
  const [json, setJson] = useState<string | undefined>();
  const [tried, setTried] = useState(false);
  // The header-words fields as typed (a word being typed may end with its separator); the others
  // show the draft's words.
  const [wordText, setWordText] = useState<Partial<Record<HeaderRole, string>>>({});
  const fileInput = useRef<HTMLInputElement>(null);
  // What the user edits is stored with the framework, in the workbook's language (Vietnamese).
  const edited = PANE_TEXT.vi.editedSource;

  useEffect(() => {
    if (!dirty) {
      setDraft(editable(stored ?? DEFAULT_FRAMEWORK));
      setLoaded(stored ?? DEFAULT_FRAMEWORK);
      setWordText({});
    }
  }, [stored, dirty]);

  const problem = useMemo(() => problemOf(draft, lang), [draft, lang]);
  const wordTexts = useMemo(
    () =>
      Object.fromEntries(
        HEADER_ROLES.map((r) => [r, wordText[r] ?? textOfWords(draft.words?.[r])]),
      ) as Record<HeaderRole, string>,
    [wordText, draft.words],
  );
  const wordsProblem = useMemo(() => headerWordsProblem(wordTexts), [wordTexts]);
  const wordReason = (role: HeaderRole): string | undefined =>
    wordsProblem && wordsProblem.role === role ? wordProblemText(wordsProblem, t) : undefined;
  const reason = (field: string): string | undefined =>
    problem && problem.field === field ? t.fwError(problem.code ?? "", problem.message) : undefined;
  const change = (next: Framework): void => {
    setDraft(next);
    setDirty(true);
    setJson(undefined);
  };
  const replace = (next: Framework, message?: string): void => {
    change(editable(next));
    setLoaded(next);
    setWordText({});
    setNote(message);
    setImportError(undefined);
  };
  const weighted = draft.criteria.some((c) => c.weight !== undefined);
  const groups = draft.groups ?? [];
  const levels = draft.levels ?? [];
  const setCriterion = (i: number, c: Partial<Criterion>): void =>
    change({
      ...draft,
      criteria: draft.criteria.map((x, k) => (k === i ? { ...x, ...c, source: edited } : x)),
    });
  const setLevels = (next: LevelSpec[]): void => change({ ...draft, levels: next, thresholdsSource: edited });
  const setLevel = (i: number, l: Partial<LevelSpec>): void =>
    setLevels(levels.map((x, k) => (k === i ? { ...x, ...l } : x)));
  const setReduced = (i: number, r: ReducedMax): void =>
    change({ ...draft, reducedMax: draft.reducedMax.map((x, k) => (k === i ? r : x)) });

  const addCriterion = (): void => {
    const n = draft.criteria.length + 1;
    change({
      ...draft,
      criteria: [
        ...draft.criteria,
        {
          key: freshKey("c", draft.criteria),
          name: t.fwNewCriterion(n),
          aliases: [],
          max: "1",
          source: edited,
          ...(weighted ? { weight: "1" } : {}),
        },
      ],
    });
  };
  const setWeighted = (on: boolean): void =>
    change({
      ...draft,
      criteria: draft.criteria.map((c) => {
        if (on) return { ...c, weight: c.weight ?? "1" };
        const { weight: _w, ...rest } = c;
        return rest;
      }),
    });
  const addLevel = (): void => {
    // The new level goes last; the former last gets a bound below the one above it (or 0).
    const prev = levels.length >= 2 ? parseNumberText(levels[levels.length - 2]!.min ?? "") : undefined;
    const bound = prev !== undefined ? String(Math.max(0, Math.floor(Number(exactToString(prev)) / 2))) : "0";
    const next = levels.map((l, i) =>
      i === levels.length - 1 && l.min === undefined ? { ...l, min: bound } : l,
    );
    setLevels([...next, { name: t.fwNewLevel(levels.length + 1) }]);
  };
  const removeLevel = (i: number): void => {
    const next = levels.filter((_, k) => k !== i);
    // The last level is "the rest": no bound.
    if (next.length > 0) {
      const { min: _m, ...last } = next[next.length - 1]!;
      next[next.length - 1] = last;
    }
    setLevels(next);
  };

  const save = async (): Promise<void> => {
    setTried(true);
    if (problem || wordsProblem) return;
    // Through the file format: I–IV with three bounds become today's thresholds, and the whole
    // framework is checked once more as `cqs` will read it.
    const framework = frameworkFromJson(
      JSON.parse(
        JSON.stringify(
          frameworkToJson({
            ...draft,
            criteria: draft.criteria.map((c) => {
              const former = loaded.criteria.find((x) => x.key === c.key)?.name;
              return former && former !== c.name && !c.aliases.includes(former)
                ? { ...c, aliases: [...c.aliases, former] }
                : c;
            }),
            reducedMax: draft.reducedMax.map((r) => ({ ...r, unit: r.unit.trim(), max: r.max.trim() })),
          }),
        ),
      ),
    );
    const ok = await onSave(framework);
    if (ok) {
      setDirty(false);
      setNote(undefined);
      setTried(false);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    try {
      replace(frameworkFromJson(JSON.parse(await file.text())));
    } catch (e) {
      setImportError(`${t.fwImportFailed} ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const exportJson = (): void => {
    const text = JSON.stringify(frameworkToJson(draft), null, 2);
    setJson(text);
    try {
      const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `${draft.name.replace(/[\\/:*?"<>|]+/g, " ").trim() || "bo-tieu-chi"}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      // Downloads blocked (Excel for Mac): the JSON is shown to copy.
    }
  };

  const sum = sumOfMax(draft);
  const sumDiffers =
    draft.kind !== "results" && !weighted && sum !== undefined && Number(sum) !== draft.scale;
  const topProblem =
    problem && (tried || !problem.field)
      ? problem
      : wordsProblem && tried
        ? { message: wordProblemText(wordsProblem, t) }
        : undefined;

  return (
    <div className={styles.root} data-testid="settings">
      <Text size={200} className={styles.muted}>
        {t.settingsIntro}
      </Text>
      {loadError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.settingsLoadFailed} {loadError}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.head}>
        <Badge appearance="tint" color={stored ? "success" : "informative"}>
          {stored ? t.settingsSourceWorkbook : t.settingsSourceDefault}
        </Badge>
        {dirty && (
          <Badge appearance="outline" color="warning" data-testid="unsaved">
            {t.settingsUnsaved}
          </Badge>
        )}
      </div>

      <section className={styles.section}>
        <Field label={t.fwLibrary} size="small">
          <Select
            size="small"
            data-testid="library"
            value=""
            onChange={(_, d) => {
              const f = LIBRARY.find((x) => x.id === d.value);
              if (f) replace(f);
            }}
          >
            <option value="">{t.fwLibraryPlaceholder}</option>
            {LIBRARY.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.actions}>
          <Button
            size="small"
            data-testid="use-inferred"
            disabled={disabled || !inferred}
            title={inferred ? t.fwInferredHint : t.fwInferredNeedsCheck}
            onClick={() => inferred && replace(inferred, t.fwInferredLoaded)}
          >
            {t.fwInferred}
          </Button>
          <Button size="small" onClick={exportJson} data-testid="export-json">
            {t.fwExport}
          </Button>
          <Button size="small" onClick={() => fileInput.current?.click()}>
            {t.fwImport}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            style={{ display: "none" }}
            data-testid="import-json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importFile(f);
              e.target.value = "";
            }}
          />
        </div>
        {!inferred && <Caption1 className={styles.muted}>{t.fwInferredNeedsCheck}</Caption1>}
        {note && (
          <MessageBar intent="info">
            <MessageBarBody>{note}</MessageBarBody>
          </MessageBar>
        )}
        {importError && (
          <MessageBar intent="error">
            <MessageBarBody>{importError}</MessageBarBody>
          </MessageBar>
        )}
        {json && <Textarea readOnly value={json} rows={6} textarea={{ className: styles.json }} />}
      </section>

      <section className={styles.section}>
        <Field label={t.frameworkName} size="small">
          <Input size="small" value={draft.name} onChange={(_, d) => change({ ...draft, name: d.value })} />
        </Field>
        <Caption1 className={styles.muted}>
          {t.provenance}: {draft.source}
        </Caption1>
        {(draft.indices?.length ?? 0) > 0 && (
          <Caption1 className={styles.muted} data-testid="indices-kept">
            {t.fwIndicesKept(draft.indices!.length)}
          </Caption1>
        )}
        <div className={styles.row}>
          <CheckedField label={t.fwScale} reason={reason("scale")}>
            <Input
              size="small"
              className={styles.small}
              inputMode="decimal"
              data-testid="scale"
              value={localNumber(String(draft.scale), lang)}
              onChange={(_, d) => change({ ...draft, scale: Number(typedNumber(d.value)) })}
            />
          </CheckedField>
          <CheckedField label={t.fwDecimals} reason={reason("decimals")}>
            <Input
              size="small"
              className={styles.small}
              inputMode="numeric"
              value={String(draft.decimals)}
              onChange={(_, d) => change({ ...draft, decimals: Number(d.value) })}
            />
          </CheckedField>
        </div>
      </section>

      <section className={styles.section} data-testid="criteria">
        <h2 className={styles.title}>{t.criteria}</h2>
        <Checkbox
          label={t.fwWeighted}
          checked={weighted}
          onChange={(_, d) => setWeighted(d.checked === true)}
        />
        {reason("criteria") && (
          <Caption1 role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {reason("criteria")}
          </Caption1>
        )}
        {draft.criteria.map((c, i) => (
          <div key={c.key} className={styles.row} data-testid="criterion">
            <NameField
              label={`${t.fwCriterionName} ${i + 1}`}
              value={c.name}
              reason={reason(`criteria.${i}.name`)}
              onChange={(name) => setCriterion(i, { name })}
            />
            <CheckedField reason={reason(`criteria.${i}.max`)}>
              <NumberInput
                label={`${t.maxPoints}: ${c.name}`}
                value={c.max}
                lang={lang}
                onChange={(max) => setCriterion(i, { max })}
              />
            </CheckedField>
            {weighted && (
              <CheckedField reason={reason(`criteria.${i}.weight`)}>
                <NumberInput
                  label={`${t.fwWeight}: ${c.name}`}
                  value={c.weight ?? ""}
                  lang={lang}
                  onChange={(weight) => setCriterion(i, { weight })}
                />
              </CheckedField>
            )}
            {groups.length > 0 && (
              <Select
                size="small"
                aria-label={`${t.fwGroup}: ${c.name}`}
                value={c.group ?? ""}
                onChange={(_, d) => {
                  const { group: _g, ...rest } = c;
                  change({
                    ...draft,
                    criteria: draft.criteria.map((x, k) =>
                      k === i ? (d.value ? { ...rest, group: d.value } : rest) : x,
                    ),
                  });
                }}
              >
                <option value="">{t.fwNoGroup}</option>
                {groups.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.name}
                  </option>
                ))}
              </Select>
            )}
            <RowButton
              action={t.fwUp}
              row={c.name}
              symbol="↑"
              disabled={i === 0}
              onClick={() => change({ ...draft, criteria: move(draft.criteria, i, -1) })}
            />
            <RowButton
              action={t.fwDown}
              row={c.name}
              symbol="↓"
              disabled={i === draft.criteria.length - 1}
              onClick={() => change({ ...draft, criteria: move(draft.criteria, i, 1) })}
            />
            <RowButton
              action={t.fwRemove}
              row={c.name}
              symbol="✕"
              onClick={() => change({ ...draft, criteria: draft.criteria.filter((_, k) => k !== i) })}
            />
          </div>
        ))}
        <div className={styles.head}>
          <Button size="small" onClick={addCriterion} data-testid="add-criterion">
            + {t.fwAddCriterion}
          </Button>
          <Text size={200} data-testid="max-sum">
            {t.criteriaSum}: {sum !== undefined ? localNumber(sum, lang) : "—"}
          </Text>
        </div>
        {sumDiffers && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t.fwSumWarning(localNumber(sum!, lang), localNumber(String(draft.scale), lang))}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.section}>
        <h2 className={styles.title}>{t.fwGroups}</h2>
        {groups.map((g, i) => (
          <div key={g.key} className={styles.row} data-testid="group">
            <NameField
              label={`${t.fwGroupName} ${i + 1}`}
              value={g.name}
              reason={reason(`groups.${i}.name`)}
              onChange={(name) =>
                change({ ...draft, groups: groups.map((x, k) => (k === i ? { ...x, name } : x)) })
              }
            />
            <RowButton
              action={t.fwUp}
              row={g.name}
              symbol="↑"
              disabled={i === 0}
              onClick={() => change({ ...draft, groups: move(groups, i, -1) })}
            />
            <RowButton
              action={t.fwDown}
              row={g.name}
              symbol="↓"
              disabled={i === groups.length - 1}
              onClick={() => change({ ...draft, groups: move(groups, i, 1) })}
            />
            <RowButton
              action={t.fwRemove}
              row={g.name}
              symbol="✕"
              onClick={() =>
                change({
                  ...draft,
                  groups: groups.filter((_, k) => k !== i),
                  criteria: draft.criteria.map((c) => {
                    if (c.group !== g.key) return c;
                    const { group: _g, ...rest } = c;
                    return rest;
                  }),
                })
              }
            />
          </div>
        ))}
        <div>
          <Button
            size="small"
            onClick={() =>
              change({
                ...draft,
                groups: [
                  ...groups,
                  { key: freshKey("g", groups), name: t.fwNewGroup(groups.length + 1), aliases: [] },
                ],
              })
            }
          >
            + {t.fwAddGroup}
          </Button>
        </div>
      </section>

      <section className={styles.section} data-testid="levels">
        <h2 className={styles.title}>{t.fwLevels}</h2>
        {levels.map((l, i) => (
          <div key={i} className={styles.row} data-testid="level">
            <NameField
              label={`${t.fwLevelName} ${i + 1}`}
              value={l.name}
              reason={reason(`levels.${i}.name`)}
              onChange={(name) => setLevel(i, { name })}
            />
            <CheckedField reason={reason(`levels.${i}.min`)}>
              {i < levels.length - 1 ? (
                <NumberInput
                  label={`${t.fwLevelMin}: ${l.name}`}
                  value={l.min ?? ""}
                  lang={lang}
                  onChange={(min) => setLevel(i, { min })}
                />
              ) : (
                <Caption1 className={styles.muted}>{t.fwLevelLast}</Caption1>
              )}
            </CheckedField>
            <RowButton action={t.fwRemove} row={l.name} symbol="✕" onClick={() => removeLevel(i)} />
          </div>
        ))}
        <div>
          <Button size="small" onClick={addLevel} data-testid="add-level">
            + {t.fwAddLevel}
          </Button>
        </div>
        <Checkbox
          label={t.fwLevelBasisPercent}
          checked={draft.levelBasis === "percent"}
          onChange={(_, d) => {
            const { levelBasis: _b, ...rest } = draft;
            change(d.checked === true ? { ...rest, levelBasis: "percent" } : rest);
          }}
        />
        <Caption1 className={styles.muted}>
          {t.provenance}: {draft.thresholdsSource}
        </Caption1>
        <Caption1 className={styles.muted}>{t.fwLevelsNameHint}</Caption1>
      </section>

      <section className={styles.section} data-testid="words">
        <h2 className={styles.title}>{t.fwWords}</h2>
        <Caption1 className={styles.muted}>{t.fwWordsHint}</Caption1>
        {HEADER_ROLES.map((role) => (
          <CheckedField key={role} label={t.fwWordRole(role)} reason={wordReason(role)}>
            <Input
              size="small"
              data-testid={`words-${role}`}
              aria-label={`${t.fwWords}: ${t.fwWordRole(role)}`}
              value={wordTexts[role]}
              onChange={(_, d) => {
                setWordText({ ...wordText, [role]: d.value });
                change(withRoleWords(draft, role, d.value));
              }}
            />
          </CheckedField>
        ))}
      </section>

      <section className={styles.section}>
        <h2 className={styles.title}>{t.reducedTitle}</h2>
        <Caption1 className={styles.muted}>{t.reducedHint}</Caption1>
        {draft.reducedMax.length === 0 && <Caption1>{t.reducedNone}</Caption1>}
        {draft.reducedMax.map((r, i) => (
          <div key={i} className={styles.reducedRow}>
            <Input
              size="small"
              className={styles.grow}
              placeholder={t.reducedUnit}
              aria-label={t.reducedUnit}
              value={r.unit}
              onChange={(_, d) => setReduced(i, { ...r, unit: d.value })}
            />
            <Input
              size="small"
              className={styles.num}
              inputMode="decimal"
              placeholder={t.reducedMax}
              aria-label={t.reducedMax}
              input={{ style: { textAlign: "right" } }}
              value={localNumber(r.max, lang)}
              onChange={(_, d) => setReduced(i, { ...r, max: typedNumber(d.value) })}
            />
            <Button
              size="small"
              appearance="subtle"
              aria-label={t.reducedRemove}
              title={t.reducedRemove}
              onClick={() => change({ ...draft, reducedMax: draft.reducedMax.filter((_, k) => k !== i) })}
            >
              ✕
            </Button>
          </div>
        ))}
        <div>
          <Button
            size="small"
            onClick={() => change({ ...draft, reducedMax: [...draft.reducedMax, { unit: "", max: "" }] })}
          >
            + {t.reducedAdd}
          </Button>
        </div>
      </section>

      {topProblem && (
        <MessageBar intent="error" data-testid="settings-problem">
          <MessageBarBody>
            {t.fwCannotSave}{" "}
            {topProblem.code ? t.fwError(topProblem.code, topProblem.message) : topProblem.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {savedMessage && !dirty && (
        <MessageBar intent="success">
          <MessageBarBody>{savedMessage}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={disabled}
          onClick={() => void save()}
          data-testid="save-settings"
        >
          {t.save}
        </Button>
        <Button disabled={disabled} onClick={() => replace(DEFAULT_FRAMEWORK)}>
          {t.resetDefault}
        </Button>
      </div>
    </div>
  );
}
