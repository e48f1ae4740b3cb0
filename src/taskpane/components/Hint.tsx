/**
 * A description tooltip for one control, in place of Fluent UI's `Tooltip` (which brings the
 * popover positioning, floating-ui and tabster: ~15 KB gzipped for a few hints). The hint is the
 * control's accessible description (`aria-describedby`, rendered even while hidden), shows after
 * 250 ms of hover or at once on keyboard focus, above the control (below when there is no room),
 * and hides on leave, blur, Escape or scroll, as Fluent's does.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import {
  cloneElement,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type PointerEvent,
  type ReactElement,
} from "react";

const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 250;
/** Gap between the control and the hint, and the least margin to the pane's edges (px). */
const OFFSET = 4;

const useStyles = makeStyles({
  tip: {
    position: "fixed",
    zIndex: 1000000,
    boxSizing: "border-box",
    maxWidth: "240px",
    cursor: "default",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "break-word",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    padding: "4px 11px 6px 11px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    filter: `drop-shadow(0 0 2px ${tokens.colorNeutralShadowAmbient}) drop-shadow(0 4px 8px ${tokens.colorNeutralShadowKey})`,
    pointerEvents: "none",
  },
});

interface TriggerProps {
  "aria-describedby"?: string;
  onPointerEnter?: (e: PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (e: PointerEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
  onBlur?: (e: FocusEvent<HTMLElement>) => void;
}

/** Where the hint goes: centred above the control, or below it when it would leave the top edge. */
export function hintPosition(
  trigger: { top: number; bottom: number; left: number; width: number },
  tip: { width: number; height: number },
  viewportWidth: number,
): { top: number; left: number } {
  const above = trigger.top - OFFSET - tip.height;
  const top = above >= OFFSET ? above : trigger.bottom + OFFSET;
  const centred = trigger.left + trigger.width / 2 - tip.width / 2;
  const left = Math.max(OFFSET, Math.min(centred, viewportWidth - OFFSET - tip.width));
  return { top, left };
}

function keyboardFocused(el: Element): boolean {
  try {
    return el.matches(":focus-visible");
  } catch {
    return true;
  }
}

export function Hint({
  content,
  children,
}: {
  content: string;
  children: ReactElement<TriggerProps>;
}): React.JSX.Element {
  const styles = useStyles();
  const id = useId();
  const [visible, setVisible] = useState(false);
  const trigger = useRef<HTMLElement | null>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const later = useCallback((show: boolean, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setVisible(show), delay);
  }, []);
  const now = useCallback((show: boolean) => {
    clearTimeout(timer.current);
    setVisible(show);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (!visible) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === "Escape" && !e.defaultPrevented) {
        e.preventDefault();
        now(false);
      }
    };
    const onScroll = (): void => now(false);
    document.addEventListener("keydown", onKey);
    window.addEventListener("scroll", onScroll, true);
    return () => {
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", onScroll, true);
    };
  }, [visible, now]);

  useLayoutEffect(() => {
    const t = trigger.current;
    const h = tip.current;
    if (!visible || !t || !h) return;
    const r = t.getBoundingClientRect();
    const p = hintPosition(r, { width: h.offsetWidth, height: h.offsetHeight }, window.innerWidth);
    h.style.top = `${p.top}px`;
    h.style.left = `${p.left}px`;
  }, [visible, content]);

  const props = children.props;
  const described = [props["aria-describedby"], id].filter(Boolean).join(" ");
  return (
    <>
      {cloneElement(children, {
        "aria-describedby": described,
        onPointerEnter: (e: PointerEvent<HTMLElement>) => {
          props.onPointerEnter?.(e);
          trigger.current = e.currentTarget;
          later(true, SHOW_DELAY_MS);
        },
        onPointerLeave: (e: PointerEvent<HTMLElement>) => {
          props.onPointerLeave?.(e);
          later(false, HIDE_DELAY_MS);
        },
        onFocus: (e: FocusEvent<HTMLElement>) => {
          props.onFocus?.(e);
          trigger.current = e.currentTarget;
          if (keyboardFocused(e.currentTarget)) now(true);
        },
        onBlur: (e: FocusEvent<HTMLElement>) => {
          props.onBlur?.(e);
          now(false);
        },
      })}
      <span ref={tip} id={id} role="tooltip" className={styles.tip} hidden={!visible}>
        {content}
      </span>
    </>
  );
}
