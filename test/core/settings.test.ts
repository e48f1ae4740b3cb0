import { DEFAULT_FRAMEWORK, frameworkFromJson, FrameworkError } from "../../src/core/framework";
import {
  planSettingsSheet,
  readSettingsSheet,
  THRESHOLDS_NAME,
  workbookFramework,
} from "../../src/core/settings";
import { sheet, workbook, type Plain } from "./build-grid";

const toSheet = (rows: ReadonlyArray<ReadonlyArray<string | number>>) =>
  sheet(
    "CQS_Settings",
    rows.map((r) => [...r] as Plain[]),
  );

describe("settings sheet", () => {
  it("round-trips the default framework", () => {
    const plan = planSettingsSheet(DEFAULT_FRAMEWORK);
    expect(readSettingsSheet(toSheet(plan.rows))).toEqual(DEFAULT_FRAMEWORK);
  });

  it("round-trips edited thresholds and reduced-max units", () => {
    const edited = {
      ...DEFAULT_FRAMEWORK,
      thresholds: { I: "92.5", II: "85", III: "70" },
      reducedMax: [{ unit: "Văn phòng UBND tỉnh", max: "75", note: "không tính điểm dịch vụ công" }],
    };
    expect(readSettingsSheet(toSheet(planSettingsSheet(edited).rows))).toEqual(edited);
  });

  it("names the three thresholds CQS_THRESHOLDS", () => {
    const plan = planSettingsSheet(DEFAULT_FRAMEWORK);
    const ref = plan.names.find((n) => n.name === THRESHOLDS_NAME)!.reference;
    const m = /^CQS_Settings!\$B\$(\d+):\$B\$(\d+)$/.exec(ref)!;
    const rows = plan.rows.slice(Number(m[1]) - 1, Number(m[2]));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["threshold", 90],
      ["threshold", 80],
      ["threshold", 70],
    ]);
  });

  it("rejects a threshold that is not a number", () => {
    const rows = planSettingsSheet(DEFAULT_FRAMEWORK).rows.map((r) =>
      r[0] === "threshold" ? ["threshold", "abc"] : r,
    );
    expect(() => readSettingsSheet(toSheet(rows))).toThrow(FrameworkError);
  });

  it("is found in a workbook, and absent means none", () => {
    expect(workbookFramework(workbook(sheet("S", [])))).toBeUndefined();
    expect(workbookFramework(workbook(toSheet(planSettingsSheet(DEFAULT_FRAMEWORK).rows)))).toEqual(
      DEFAULT_FRAMEWORK,
    );
  });
});

describe("frameworkFromJson", () => {
  it("fills gaps from the default", () => {
    const f = frameworkFromJson({ thresholds: [93, 80, 70] });
    expect(f.thresholds).toEqual({ I: "93", II: "80", III: "70" });
    expect(f.criteria).toEqual(DEFAULT_FRAMEWORK.criteria);
  });
  it.each([
    [[], "JSON"],
    [{ criteria: "x" }, "criteria"],
    [{ thresholds: { I: "x", II: 80, III: 70 } }, "Ngưỡng mức I"],
    [{ criteria: [{ name: "A", max: "abc" }] }, "Điểm tối đa"],
    [{ scale: -1 }, "Thang điểm"],
  ])("rejects %p with a message naming %p", (json, word) => {
    expect(() => frameworkFromJson(json)).toThrow(word);
  });
});
