/**
 * The framework editor's repeated fields (SettingsView): a field that shows the core's reason when
 * its value cannot be used, a row's name, a number typed in the reader's format, and a small symbol button
 * (↑, ↓, ✕) named for the row it acts on.
 */
import { Button, Field, Input, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { localNumber, type Lang } from "../../core";

const useStyles = makeStyles({
  grow: { flexGrow: 1, minWidth: 0 },
  number: { width: "64px", minWidth: 0 },
  icon: { minWidth: "24px", paddingLeft: 0, paddingRight: 0 },
});

/** A number typed with a decimal comma ("100,5") is stored with a point, as the framework keeps it. */
export function typedNumber(text: string): string {
  return text.replace(/^(\s*-?\d+),(\d*\s*)$/, "$1.$2");
}

/** A small field; `reason` (from the core's validation) is shown under it, in red. */
export function CheckedField(props: {
  readonly label?: string;
  readonly reason: string | undefined;
  /** Takes the row's free width (a name). */
  readonly grow?: boolean;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Field
      className={props.grow ? styles.grow : undefined}
      label={props.label}
      size="small"
      validationMessage={props.reason}
      validationState={props.reason ? "error" : "none"}
    >
      {props.children}
    </Field>
  );
}

/** A row's name (a criterion's, a level's), taking the row's free width, its reason under it. */
export function NameField(props: {
  readonly label: string;
  readonly value: string;
  readonly reason: string | undefined;
  readonly onChange: (value: string) => void;
}) {
  return (
    <CheckedField grow reason={props.reason}>
      <Input
        size="small"
        aria-label={props.label}
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </CheckedField>
  );
}

/** A number of the framework (stored with a point), shown and typed in the language's format. */
export function NumberInput(props: {
  readonly label: string;
  readonly value: string;
  readonly lang: Lang;
  readonly onChange: (value: string) => void;
}) {
  const styles = useStyles();
  return (
    <Input
      size="small"
      className={styles.number}
      inputMode="decimal"
      input={{ style: { textAlign: "right" } }}
      aria-label={props.label}
      value={localNumber(props.value, props.lang)}
      onChange={(_, d) => props.onChange(typedNumber(d.value))}
    />
  );
}

/** A symbol button of a row: its action's name as its tooltip, and with the row's name for readers. */
export function RowButton(props: {
  readonly action: string;
  readonly row: string;
  readonly symbol: string;
  readonly disabled?: boolean;
  readonly onClick: () => void;
}) {
  const styles = useStyles();
  return (
    <Button
      size="small"
      appearance="subtle"
      className={styles.icon}
      aria-label={`${props.action}: ${props.row}`}
      title={props.action}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.symbol}
    </Button>
  );
}
