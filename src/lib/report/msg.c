/* The report's message catalogue; see msg.h.  Keep both columns in step. */
#include "msg.h"

static const char *const table[M_COUNT][2] = {
    [M_UNIT] = { "Unit", "Unit" },
    [M_INSTITUTION] = { "Instansi", "Institution" },
    [M_CATEGORY] = { "Kategori", "Category" },
    [M_PERIOD] = { "Periode", "Period" },
    [M_RUBRIC] = { "Rubrik", "Rubric" },
    [M_VERSION] = { "versi", "version" },
    [M_ASSESSOR] = { "Penilai", "Assessor" },
    [M_INDEX] = { "Indeks Pelayanan Publik (IPP)", "Public Service Index (IPP)" },
    [M_EVALUATOR] = { "Nilai evaluator (F-02)", "Evaluator score (F-02)" },
    [M_SURVEY] = { "Nilai survei (F-03)", "Survey score (F-03)" },
    [M_RESPONDENTS] = { "responden", "respondents" },
    [M_WEIGHT_OF] = { "bobot", "weight" },
    [M_ASPECT] = { "Aspek", "Aspect" },
    [M_WEIGHT] = { "Bobot", "Weight" },
    [M_SCORE] = { "Nilai", "Score" },
    [M_LEFT_OUT] = { "tidak dinilai (semua na)", "not scored (all na)" },
    [M_BELOW_MAX] = { "Indikator di bawah level maksimal", "Indicators below the top level" },
    [M_ALL_MAX] = { "Semua indikator sudah di level maksimal.",
                    "Every indicator is at the top level." },
    [M_RECOMMENDATIONS] = { "Yang perlu diperbaiki lebih dulu (menurut kenaikan indeks)",
                            "What to fix first (by gain on the index)" },
    [M_MORE_RECS] = { "rekomendasi lain ada di laporan halaman penuh: jalankan perintah yang "
                      "sama dengan -f html -o laporan.html, lalu buka laporan.html di peramban",
                      "more recommendations in the full-page report: run the same command with "
                      "-f html -o report.html, then open report.html in a web browser" },
    [M_NO_RECS] = { "Tidak ada rekomendasi.", "No recommendations." },
    [M_REACH_LEVEL] = { "untuk mencapai level", "to reach level" },
    [M_NOTES] = { "Catatan", "Notes" },
    [M_FLAG_INCOMPLETE] = { "jawaban belum lengkap: indikator tanpa jawaban dihitung level minimum",
                            "incomplete: unanswered indicators count at the lowest level" },
    [M_FLAG_NA] = { "ada indikator 'na': bobot aspeknya dihitung ulang dari indikator lain",
                    "some indicators are 'na': their aspect is re-weighted over the others" },
    [M_FLAG_SURVEY_MISSING] = { "survei (F-03) tidak ada: indeks = nilai evaluator",
                                "no survey (F-03): index = evaluator score" },
    [M_FLAG_SURVEY_BELOW] = { "responden survei kurang dari minimum: survei tidak dihitung",
                              "fewer survey respondents than the minimum: survey left out" },
    [M_FLAG_PROVISIONAL] = { "rubrik ini masih sementara (lihat keterangan rubrik): hasil belum "
                             "dapat dipakai sebagai nilai resmi",
                             "this rubric is provisional (see the rubric): the result is not an "
                             "official score yet" },
    [M_SUPPLEMENTARY] = { "Informasi tambahan (tidak dinilai)", "Supplementary (not scored)" },
    [M_NOT_ANSWERED] = { "tidak dijawab", "not answered" },
    [M_NA] = { "na", "na" },
    [M_RANKING] = { "Peringkat", "Ranking" },
    [M_RANK] = { "No", "No" },
    [M_INDEX_SHORT] = { "Indeks", "Index" },
    [M_GRADE] = { "Predikat", "Grade" },
    [M_SUMMARY] = { "Ringkasan", "Summary" },
    [M_UNITS_COUNT] = { "unit", "units" },
    [M_SCORED] = { "dinilai", "scored" },
    [M_FAILED_LOAD] = { "gagal dimuat", "failed to load" },
    [M_MEAN] = { "Rata-rata indeks", "Mean index" },
    [M_GRADES] = { "Sebaran predikat", "Grades" },
    [M_BY_CATEGORY] = { "Per kategori", "By category" },
    [M_BY_INSTITUTION] = { "Per instansi", "By institution" },
    [M_BY_MODE] = { "Per skema (mandiri/nasional)", "By scheme (mandiri/nasional)" },
    [M_FAILED] = { "Gagal dimuat", "Failed to load" },
    [M_NO_UNITS] = { "Tidak ada unit yang dinilai.", "No unit was scored." },
    [M_PLAN_TO] = { "Rencana menuju predikat", "Plan to reach grade" },
    [M_MIN_INDEX] = { "indeks minimal", "minimum index" },
    [M_NOW] = { "Sekarang", "Now" },
    [M_AFTER] = { "Sesudah", "After" },
    [M_STEPS] = { "langkah", "steps" },
    [M_ALREADY] = { "Predikat ini sudah tercapai: tidak perlu langkah.",
                    "This grade is already reached: no steps needed." },
    [M_INFEASIBLE] = { "Target tidak dapat dicapai, bahkan bila semua langkah yang diizinkan "
                       "diambil; rencana ini menuju predikat terbaik yang dapat dicapai.",
                       "The target cannot be reached even with every allowed step; this plan "
                       "leads to the best reachable grade." },
    [M_WHATIF] = { "Andaikan (what-if)", "What if" },
    [M_CHANGES] = { "Perubahan jawaban", "Changed answers" },
    [M_BEFORE] = { "Sebelum", "Before" },
    [M_DELTA] = { "Selisih", "Change" },
    [M_DIFF_TITLE] = { "Perbandingan", "Comparison" },
    [M_OLD] = { "Lama", "Old" },
    [M_NEW] = { "Baru", "New" },
    [M_RUBRIC_CHANGED] = { "PERHATIAN: rubrik berbeda antara kedua sisi; aspek dan indikator "
                           "dicocokkan menurut id.",
                           "NOTE: the rubric differs between the two sides; aspects and "
                           "indicators are matched by id." },
    [M_ONLY_OLD] = { "Hanya di sisi lama", "Only in the old side" },
    [M_ONLY_NEW] = { "Hanya di sisi baru", "Only in the new side" },
    [M_NO_CHANGE] = { "tidak berubah", "unchanged" },
    [M_INDICATORS] = { "Indikator", "Indicators" },
    [M_BELOW_BAND] = { "di bawah", "below" },
    [M_EVIDENCE] = { "Bukti dukung", "Evidence" },
    [M_STEP] = { "Langkah", "Step" },
    [M_GAIN] = { "Kenaikan", "Gain" },
    [M_INDEX_AFTER] = { "Indeks sesudahnya", "Index after" },
    [M_BEST] = { "Indeks tertinggi bila semua langkah yang boleh diambil",
                 "Highest index with every allowed step" },
    /* HTML reports (report/html*.c) */
    [M_H_UNIT_REPORT] = { "Laporan Evaluasi Pelayanan Publik (PEKPPP)",
                          "Public Service Evaluation Report (PEKPPP)" },
    [M_H_BATCH_REPORT] = { "Rekapitulasi Evaluasi Pelayanan Publik (PEKPPP)",
                           "Public Service Evaluation Summary (PEKPPP)" },
    [M_H_TOP_BAND] = { "sudah di predikat tertinggi", "already in the top grade" },
    [M_H_ASPECT_SCORES] = { "Nilai per aspek", "Scores by aspect" },
    [M_H_RADAR] = { "Diagram radar nilai aspek", "Radar chart of the aspect scores" },
    [M_H_RADAR_DESC] = { "Nilai tiap aspek pada skala", "Each aspect's score on the scale" },
    [M_H_SCALE] = { "skala", "scale" },
    [M_H_LEVEL] = { "Level", "Level" },
    [M_H_LOST] = { "Poin hilang", "Lost points" },
    [M_H_IND_HINT] = { "Kontribusi ke indeks: yang disumbangkan level indikator ini pada indeks "
                       "(bukan pada nilai evaluator seperti di tabel aspek). Poin hilang: kenaikan "
                       "indeks bila indikator mencapai level tertinggi. Klik nama indikator untuk "
                       "melihat uraian level dan bukti dukungnya.",
                       "Contribution to index: what the indicator's level adds to the index (not "
                       "to the evaluator score, as in the aspect table). Lost points: what "
                       "reaching the top level would add to it. Click an indicator's name to see "
                       "its level descriptions and evidence." },
    [M_H_CURRENT] = { "level saat ini", "current level" },
    [M_H_LEVELS] = { "Uraian level", "Level descriptions" },
    [M_H_EVIDENCE_GIVEN] = { "Bukti yang dilampirkan unit", "Evidence the unit attached" },
    [M_H_ANSWER_NOTE] = { "Keterangan jawaban", "Note on the answer" },
    [M_H_RECEIPT] = { "Jejak perhitungan", "Receipt" },
    [M_H_TOOL] = { "Alat", "Tool" },
    [M_H_INPUT] = { "Berkas masukan", "Input file" },
    [M_H_GENERATED] = { "Dibuat pada", "Generated at" },
    [M_H_HEATMAP] = { "Nilai aspek per unit", "Aspect scores by unit" },
    [M_H_HEATMAP_HINT] = { "Makin gelap sel, makin tinggi nilainya; angkanya tertulis di tiap sel.",
                           "The darker a cell, the higher its score; each cell shows its number." },
    [M_H_LOWEST] = { "Aspek dengan rata-rata nilai terendah", "Aspects with the lowest mean score" },
    [M_H_LOWEST_HINT] = { "Rata-rata nilai aspek (yang sudah dibulatkan) dari unit yang dinilai, "
                          "terendah lebih dulu.",
                          "The mean of the units' rounded aspect scores, lowest first." },
    [M_H_MISSED] = { "Indikator yang paling banyak mengurangi indeks",
                     "Most-missed indicators" },
    [M_H_MISSED_HINT] = { "Poin indeks yang hilang karena indikator belum mencapai level tertinggi, "
                          "dijumlah secara tepat atas semua unit lalu dibulatkan sekali; "
                          "terbesar lebih dulu (sepuluh teratas).",
                          "Index points lost because an indicator is below the top level, summed "
                          "exactly over every unit and rounded once; largest first (the top ten)." },
    [M_H_MISSED_LEFT_OUT] = { "indikator tidak dicantumkan: jumlah tepatnya melampaui aritmetika "
                              "128-bit (terlalu banyak pola jawaban na yang berbeda).",
                              "indicator(s) left out: their exact sum outgrew 128-bit arithmetic "
                              "(too many different patterns of na answers)." },
    [M_H_UNITS_BELOW_TOP] = { "Unit di bawah level tertinggi", "Units below the top level" },
    [M_H_LOST_TOTAL] = { "Poin hilang (jumlah)", "Points lost (total)" },
    [M_H_LOST_MEAN] = { "Rata-rata per unit", "Mean per unit" },
    [M_H_MEAN_SCORE] = { "Rata-rata nilai", "Mean score" },
    [M_H_LOWEST_SCORE] = { "Nilai terendah", "Lowest score" },
    [M_H_UNITS_PER_GRADE] = { "Jumlah unit per predikat", "Units per grade" },
    [M_H_BARS_DESC] = { "Diagram batang jumlah unit per predikat", "Bar chart of the units per grade" },
    [M_H_SORT_HINT] = { "Urutan menurut peringkat; bila JavaScript aktif, klik judul kolom untuk "
                        "mengurutkan.",
                        "In ranking order; with JavaScript on, click a column heading to sort." },
    [M_T_FORM] = { "Formulir penilaian unit untuk rubrik", "Unit assessment form for rubric" },
    [M_T_ANSWER_WITH] = { "Isi setiap jawaban dengan level", "Answer each indicator with a level" },
    [M_T_BLANK] = { "; jawaban yang dikosongkan dihitung belum dijawab.",
                    "; a blank answer counts as not answered." },
    [M_T_REQ_ID] = { "wajib: kode unik unit", "required: the unit's unique code" },
    [M_T_REQ_NAME] = { "wajib: nama unit", "required: the unit's name" },
    [M_T_REQ_PERIOD] = { "wajib, misalnya \"2025\"", "required, e.g. \"2025\"" },
    [M_T_EVIDENCE] = { "  bukti: ", "  evidence: " },
    [M_T_NA] = { "boleh dijawab na", "may be answered na" },
    [M_T_SURVEY] = { "Survei pengguna (F-03): hapus tanda # dan isi nilai rata-rata dan jumlah "
                     "responden,",
                     "User survey (F-03): remove the # and give the mean score and the number "
                     "of respondents," },
    [M_T_RESPONSES] = { "atau jawaban per responden:", "or each respondent's answers:" },
    /* What a reader must see first (issue 12) */
    [M_HYPO_INDEX] = { "Andaikan (--set): ", "What if (--set): " },
    [M_WOULD_BE] = { "menjadi", "would be" },
    [M_ACTUAL] = { "Nilai sebenarnya (jawaban di berkas)", "Real score (the answers in the file)" },
    [M_SET_CHANGED] = { "Jawaban diubah dengan --set", "Answers changed by --set" },
    [M_HYPO_NOTE] = { "Hasil andaikan, bukan nilai berkas masukan.",
                      "A what-if result, not the input's score." },
    [M_HYPO_NOW] = { "Andaikan", "What if" },
    [M_PLAN_FROM_SET] = { "Rencana ini mulai dari jawaban andaikan (--set), bukan dari jawaban "
                          "di berkas.",
                          "This plan starts from the what-if answers (--set), not from the "
                          "answers in the file." },
    [M_CAVEATS] = { "Perhatian", "Caveats" },
    [M_CV_PROVISIONAL] = { "Rubrik sementara: ", "Provisional rubric: " },
    [M_CV_PROVISIONAL_END] = { "; hasil ini belum dapat dipakai sebagai nilai resmi.",
                               "; this result is not an official score yet." },
    [M_CV_INCOMPLETE] = { "Jawaban belum lengkap: ", "Incomplete answers: " },
    [M_CV_OF] = { " dari ", " of " },
    [M_CV_INCOMPLETE_END] = { " indikator belum dijawab dan dihitung level terendah "
                              "(--allow-incomplete).",
                              " indicators not answered, counted at the lowest level "
                              "(--allow-incomplete)." },
    [M_CV_SURVEY_BELOW] = { "Survei (F-03) tidak dihitung: ", "Survey (F-03) left out: " },
    [M_CV_RESP_OF_MIN] = { " responden dari minimal ", " respondents, fewer than the minimum of " },
    [M_CV_SURVEY_ALONE] = { "; indeks = nilai evaluator saja.",
                            "; the index is the evaluator score alone." },
    [M_CV_SURVEY_MISSING] = { "Survei (F-03) tidak ada: indeks = nilai evaluator saja.",
                              "No survey (F-03): the index is the evaluator score alone." },
    [M_CV_NA] = { "Jawaban na: bobotnya dibagi ulang ke indikator lain, pada aspek ",
                  "na answers: their weight is shared out over the other indicators, in aspect " },
    [M_CV_NA_IND] = { " indikator na", " indicators na" },
    [M_CV_NA_ALL] = { "semua indikator na: aspek tidak dinilai, bobotnya dibagi ke aspek lain",
                      "every indicator na: not scored, its weight shared out over the other "
                      "aspects" },
    [M_CONTRIB_EVAL] = { "Kontribusi ke nilai evaluator", "Contribution to evaluator score" },
    [M_CONTRIB_INDEX] = { "Kontribusi ke indeks", "Contribution to index" },
    /* What keeps a reader from being misled */
    [M_I_UNMATCHED_OLD] = { "Tidak ditemukan di sisi baru (mungkin ada di berkas yang gagal di sana)",
                            "Not found on the new side (it may be in a file that failed there)" },
    [M_I_UNMATCHED_NEW] = { "Tidak ditemukan di sisi lama (mungkin ada di berkas yang gagal di sana)",
                            "Not found on the old side (it may be in a file that failed there)" },
    [M_I_FAILED_OLD] = { "Gagal di sisi lama (tidak dibandingkan)",
                         "Failed on the old side (not compared)" },
    [M_I_FAILED_NEW] = { "Gagal di sisi baru (tidak dibandingkan)",
                         "Failed on the new side (not compared)" },
    [M_I_VIA] = { "tercatat di", "recorded in" },
    [M_I_RANK_EXACT] = { "Peringkat memakai indeks yang tepat: unit dengan indeks bulat yang sama "
                         "bisa berbeda peringkat.",
                         "Ranks use the exact index: units showing the same rounded index can "
                         "rank differently." },
    [M_I_DELTA_EXACT] = { "Selisih dihitung dari nilai yang tepat lalu dibulatkan sekali, jadi bisa "
                          "berbeda satu angka terakhir dari selisih angka yang tampil.",
                          "Changes are the exact differences rounded once, so one can differ in "
                          "the last digit from the difference of the numbers shown." },
    [M_I_MIXED_PERIODS] = { "PERHATIAN: peringkat ini menggabungkan unit dari beberapa periode",
                            "NOTE: this ranking puts units of different periods together" },
};

const char *pk_msg(pekppp_lang lang, pk_msg_id id)
{
    unsigned l = lang == PEKPPP_LANG_EN ? 1u : 0u;
    if ((unsigned)id >= M_COUNT)
        return "";
    return table[id][l];
}
