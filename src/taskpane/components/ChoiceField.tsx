/**
 * A small labelled field of side-by-side radio buttons, one per choice (what the check reads,
 * the ranking's order).
 */
import { Field, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  // The first radio's circle lines up with the label above it.
  radios: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface ChoiceFieldProps<T extends string> {
  readonly label: string;
  readonly value: T;
  /** Each choice's value and label, in the order shown. */
  readonly choices: ReadonlyArray<readonly [T, string]>;
  readonly onChange: (value: T) => void;
  readonly testId?: string;
}

export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const styles = useStyles();
  return (
    <Field label={props.label} size="small">
      <RadioGroup
        className={styles.radios}
        layout="horizontal"
        value={props.value}
        onChange={(_, d) => props.onChange(d.value as T)}
        data-testid={props.testId}
      >
        {props.choices.map(([value, label]) => (
          <Radio key={value} value={value} label={label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
