/**
 * The layout the pane's views share, in one place so that they look alike: spread into a view's
 * own `makeStyles` (`makeStyles({ ...VIEW_STYLES, table: … })`).
 */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export const VIEW_STYLES = {
  /** A view: its sections in a column. */
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** A section: its lines in a column, closer together. */
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** A section's title (an h2). */
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** A note or hint, in the secondary text colour. */
  muted: { color: tokens.colorNeutralForeground3 },
} satisfies Record<string, GriffelStyle>;
