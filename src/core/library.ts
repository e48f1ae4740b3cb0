/**
 * The bundled library of frameworks, each with its provenance. `tth-2021` is the default.
 */
import { DEFAULT_FRAMEWORK, type Framework } from "./framework";

const TTH_2020_SOURCE =
  "QĐ 3402/QĐ-UBND ngày 31/12/2020 của UBND tỉnh Thừa Thiên Huế (kết quả đánh giá, xếp hạng mức độ chính quyền điện tử cấp tỉnh, cấp huyện năm 2020), bảng công bố trên cổng thông tin các huyện";
const TTH_2020_LEVELS =
  "Mức I–IV theo thứ tự; ngưỡng không có trong bảng công bố: chỉ kiểm tra thứ tự các mức theo điểm";

/** Thừa Thiên Huế 2020, districts: the readiness index, out of 50 (a self-describing table). */
const TTH_2020_READINESS: Framework = {
  id: "tth-2020-readiness",
  name: "Thừa Thiên Huế 2020 — điều kiện sẵn sàng chính quyền điện tử (cấp huyện)",
  source: TTH_2020_SOURCE,
  kind: "results",
  criteria: [],
  thresholds: DEFAULT_FRAMEWORK.thresholds,
  thresholdsSource: TTH_2020_LEVELS,
  levels: [{ name: "I" }, { name: "II" }, { name: "III" }, { name: "IV" }],
  scale: 50,
  decimals: 2,
  reducedMax: [],
  subject: "chính quyền điện tử",
};

/** Thừa Thiên Huế 2020, districts: the results index, out of 100 (a self-describing table). */
const TTH_2020_RESULTS: Framework = {
  ...TTH_2020_READINESS,
  id: "tth-2020-results",
  name: "Thừa Thiên Huế 2020 — kết quả chính quyền điện tử (cấp huyện)",
  scale: 100,
};

const DTI_SOURCE =
  "QĐ 922/QĐ-BTTTT ngày 20/5/2022 (Bộ chỉ số DTI cấp tỉnh); trọng số 100, 100, 100, 100, 100, 200 theo đề án, 150 và 150 suy ra từ tổng nhóm 500 — cùng nhau tái tạo PDTI đã công bố năm 2022 (Đà Nẵng 0,8002)";

const dti = (key: string, name: string, weight: string): Framework["criteria"][number] => ({
  key,
  name,
  aliases: [`Chỉ số ${name}`],
  max: "1",
  weight,
  source: DTI_SOURCE,
});

/** DTI 2022, provinces: eight indices in [0, 1], PDTI = Σ index × weight / 1000. */
const DTI_2022_PROVINCE: Framework = {
  id: "dti-2022-province",
  name: "DTI 2022 cấp tỉnh (Bộ Thông tin và Truyền thông)",
  source: DTI_SOURCE,
  criteria: [
    dti("awareness", "Nhận thức số", "100"),
    dti("institutions", "Thể chế số", "100"),
    dti("infrastructure", "Hạ tầng số", "100"),
    dti("workforce", "Nhân lực số", "100"),
    dti("security", "An toàn thông tin mạng", "100"),
    dti("government", "Hoạt động chính quyền số", "200"),
    dti("economy", "Hoạt động kinh tế số", "150"),
    dti("society", "Hoạt động xã hội số", "150"),
  ],
  thresholds: DEFAULT_FRAMEWORK.thresholds,
  thresholdsSource: "DTI không xếp mức",
  levels: [],
  scale: 1,
  decimals: 4,
  publicationRounding: 4,
  words: {
    // The printed "Chuyển đổi số cấp tỉnh (PDTI)" is read by the first word (foldHeader leaves out brackets).
    total: ["Chuyển đổi số cấp tỉnh", "PDTI", "DTI", "Chỉ số DTI"],
    rank: ["Xếp hạng DTI", "Xếp hạng"],
    unit: ["Các tỉnh, thành phố trực thuộc TW", "Tỉnh, thành phố", "Địa phương"],
  },
  reducedMax: [],
  subject: "chuyển đổi số",
};

/** Both indices of 2020 in one framework: each table takes the index of its scale. */
const TTH_2020: Framework = {
  ...TTH_2020_RESULTS,
  id: "tth-2020",
  name: "Thừa Thiên Huế 2020 — chính quyền điện tử cấp huyện (sẵn sàng /50 và kết quả /100)",
  indices: [TTH_2020_READINESS],
};

export const LIBRARY: ReadonlyArray<Framework> = [
  { ...DEFAULT_FRAMEWORK, id: "tth-2021" },
  TTH_2020_READINESS,
  TTH_2020_RESULTS,
  TTH_2020,
  DTI_2022_PROVINCE,
];

/** A library framework by id, or undefined. */
export function libraryFramework(id: string): Framework | undefined {
  return LIBRARY.find((f) => f.id === id);
}

/** Whether a `--framework` value names a file (a path separator, or ending in .json) rather than an id. */
export function isFrameworkFile(value: string): boolean {
  return /[\\/]/.test(value) || /\.json$/i.test(value);
}
