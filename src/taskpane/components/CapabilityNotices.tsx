/**
 * What this Excel cannot do, said once at the top of the pane (older perpetual Excel, Excel 2016/2019).
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core";
import type { Capabilities, PaneEnvironment } from "../operations";
import { PANE_TEXT } from "../strings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The notices for the missing capabilities, in display order (empty on a current Excel). */
export function missingCapabilityNotices(
  capabilities: Capabilities,
  minimum: PaneEnvironment["minimum"],
  lang: Lang,
): string[] {
  const t = PANE_TEXT[lang];
  const out: string[] = [];
  if (!minimum.check) out.push(t.capTooOldCheck);
  else if (!minimum.rank) out.push(t.capTooOldRank);
  if (!capabilities.undoGroup) out.push(t.capUndo);
  if (!capabilities.cellProperties) out.push(t.capMarks);
  if (!capabilities.customFunctions) out.push(t.capFunctions);
  return out;
}

export function CapabilityNotices({
  capabilities,
  minimum,
  lang,
}: {
  capabilities: Capabilities;
  minimum: PaneEnvironment["minimum"];
  lang: Lang;
}): React.JSX.Element | null {
  const styles = useStyles();
  const notices = missingCapabilityNotices(capabilities, minimum, lang);
  if (notices.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="capabilities">
      <MessageBarBody>
        <MessageBarTitle>{PANE_TEXT[lang].capTitle}</MessageBarTitle>
        {notices.length === 1 ? (
          notices[0]
        ) : (
          <ul className={styles.list}>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
