"""ctypes tests: the zero-copy ranking fast path and the incremental index."""

import array
import random
import unittest

import chuangwen


def reference(scores, n, k, weights, vetoed, groups):
    comp = []
    for i in range(n):
        a = scores[i * k] * weights[0]
        for j in range(1, k):
            a += scores[i * k + j] * weights[j]
        comp.append(a)
    key = lambda i: (vetoed[i], -comp[i])
    order = sorted(range(n), key=key)

    def ranks(members):
        out, prev, current = {}, None, 0
        for pos, u in enumerate(members):
            if key(u) != prev:
                current, prev = pos + 1, key(u)
            out[u] = current
        return out

    overall = ranks(order)
    by_group = {}
    for u in order:
        by_group.setdefault(groups[u], []).append(u)
    group = {}
    for members in by_group.values():
        group.update(ranks(members))
    return [overall[i] for i in range(n)], [group[i] for i in range(n)], comp


class RankingTest(unittest.TestCase):
    def test_hand_worked_example(self):
        scores = [90, 80, 85, 95, 90, 80, 99, 99]
        ranks, group_ranks, comp = chuangwen.rank_arrays(scores, [0.6, 0.4], vetoed=[0, 0, 0, 1], groups=[0, 1, 1, 0])
        self.assertEqual(list(ranks), [2, 1, 2, 4])
        self.assertEqual(list(group_ranks), [1, 1, 2, 2])
        self.assertAlmostEqual(comp[1], 89.0)
        dense, _, _ = chuangwen.rank_arrays(scores, [0.6, 0.4], vetoed=[0, 0, 0, 1],
                                            ties="dense")
        self.assertEqual(list(dense), [2, 1, 2, 3])

    def test_matches_reference_zero_copy(self):
        rng = random.Random(5)
        n, k = 3000, 6
        scores = array.array("d", (rng.randrange(0, 21) * 5.0 for _ in range(n * k)))
        weights = array.array("d", [0.25, 0.25, 0.125, 0.125, 0.125, 0.125])
        vetoed = array.array("B", (1 if rng.random() < 0.02 else 0 for _ in range(n)))
        groups = array.array("i", (rng.randrange(30) for _ in range(n)))
        ranks, group_ranks, comp = chuangwen.rank_arrays(scores, weights, vetoed, groups)
        want = reference(scores, n, k, weights, vetoed, groups)
        self.assertEqual(list(ranks), want[0])
        self.assertEqual(list(group_ranks), want[1])
        self.assertEqual(list(comp), want[2])

    def test_workspace_kept_between_rankings(self):
        # Big enough for the parallel path; the same ranks call after call.
        rng = random.Random(6)
        n, k = 70000, 3
        scores = array.array("d", (rng.randrange(0, 1001) / 10.0 for _ in range(n * k)))
        weights = array.array("d", [0.5, 0.3, 0.2])
        vetoed = array.array("B", (1 if rng.random() < 0.01 else 0 for _ in range(n)))
        groups = array.array("i", (rng.randrange(700) for _ in range(n)))
        want = chuangwen.rank_arrays(scores, weights, vetoed, groups)
        workspace = chuangwen.RankWorkspace()
        for _ in range(2):
            got = workspace.rank_arrays(scores, weights, vetoed, groups)
            self.assertEqual(got[0], want[0])
            self.assertEqual(got[1], want[1])
            self.assertEqual(got[2], want[2])
        ordinal, _, _ = chuangwen.rank_arrays(scores[:30], weights, ties="ordinal",
                                              workspace=workspace)
        self.assertEqual(sorted(ordinal), list(range(1, 11)))
        workspace.close()
        workspace.close()  # Closing twice is harmless.

    def test_bad_input(self):
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.rank_arrays([1.0, float("nan"), 3.0, 4.0], [0.5, 0.5])
        self.assertEqual(str(cm.exception), "unit 0, indicator 1: score is NaN")
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.rank_arrays([1.0, 2.0], [0.7, 0.7])
        self.assertIn("weights sum to 1.400000, not 1", str(cm.exception))
        ranks, _, _ = chuangwen.rank_arrays([1.0, 2.0, 3.0, 4.0], [1, 1],
                                            normalize_weights=True)
        self.assertEqual(list(ranks), [2, 1])
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.rank_arrays([1.0, 2.0], [1.5, -0.5])
        self.assertIn("weight 1 is negative", str(cm.exception))
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.rank_arrays([1.0, 2.0, 3.0], [0.5, 0.5])
        self.assertIn("scores has 3 entries, not a multiple of 2 indicators", str(cm.exception))
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.rank_arrays([1.0, 2.0], [1.0], groups=[0, -1])
        self.assertEqual(str(cm.exception), "unit 1: group id -1 is negative")

    def test_incremental_index(self):
        rng = random.Random(9)
        n = 500
        comp = [float(rng.randrange(100)) for _ in range(n)]
        vetoed = [1 if i % 50 == 0 else 0 for i in range(n)]
        groups = [i % 7 for i in range(n)]
        index = chuangwen.RankIndex(comp, vetoed, groups)
        for step in range(200):
            u = rng.randrange(n)
            comp[u] = float(rng.randrange(100))
            got = index.update(u, comp[u])
            scores = array.array("d", comp)
            want, want_group, _ = chuangwen.rank_arrays(scores, [1.0], vetoed, groups)
            self.assertEqual(got, (want[u], want_group[u]))
        self.assertEqual(index.rank(3), (want[3], want_group[3]))
        with self.assertRaises(chuangwen.NotFoundError):
            index.update(n, 1.0)
        index.close()


if __name__ == "__main__":
    unittest.main()


class AssessmentTest(unittest.TestCase):
    def setUp(self):
        import os
        self.c = chuangwen.Campaign.from_file(os.environ["CHUANGWEN_EXAMPLE"])

    def tearDown(self):
        self.c.close()

    def test_monthly_and_annual_rankings(self):
        june = self.c.rank("2025-06")
        self.assertEqual(june["component_id"], "special")
        self.assertEqual([r["rank"] for r in june["rows"]], sorted(r["rank"] for r in june["rows"]))
        self.assertEqual(len(june["commended"]), 2)
        august = self.c.rank("2025-08")
        last = august["rows"][-1]
        self.assertEqual((last["unit_id"], last["vetoed"], last["grade"]), ("zfdd1", True, "不合格"))
        year = self.c.rank("2025")
        self.assertEqual(year["component_id"], "")
        self.assertEqual(len(year["rows"]), 7)

    def test_explain(self):
        e = self.c.explain("srk", "2025-06")
        self.assertEqual(e["unit_id"], "srk")
        self.assertAlmostEqual(sum(p["score"] for p in e["parts"]), e["score"], places=9)

    def test_errors(self):
        with self.assertRaises(chuangwen.InvalidError) as cm:
            self.c.rank("2025-13")
        self.assertIn("is not YYYY-MM", str(cm.exception))
        with self.assertRaises(chuangwen.NotFoundError):
            self.c.rank("2025-06", component="nope")
        with self.assertRaises(chuangwen.NotFoundError):
            self.c.explain("nope", "2025-06")


class WeightsTest(unittest.TestCase):
    def test_ahp(self):
        r = chuangwen.ahp_weights([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]])
        self.assertAlmostEqual(r["weights"][0], 4 / 7, places=9)
        self.assertAlmostEqual(r["consistency_ratio"], 0, places=9)
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.ahp_weights([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
        self.assertIn("consistency ratio", str(cm.exception))
        self.assertGreaterEqual(
            chuangwen.ahp_weights([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]],
                                  force=True)["consistency_ratio"], 0.1)

    def test_entropy(self):
        w = chuangwen.entropy_weights([5, 1, 5, 0, 5, 0], 3, 2)
        self.assertAlmostEqual(w[0], 0, places=12)
        self.assertAlmostEqual(w[1], 1, places=12)

    def test_robustness(self):
        scores = [95, 95, 80, 60, 60, 80, 50, 50]
        spreads = chuangwen.rank_robustness(scores, 4, 2, [0.5, 0.5], trials=300, spread=0.3,
                                            seed=7)
        self.assertEqual(spreads[0][2], 1)
        self.assertEqual((spreads[1][1], spreads[1][2]), (2, 3))
        self.assertEqual(spreads, chuangwen.rank_robustness(scores, 4, 2, [0.5, 0.5],
                                                            trials=300, spread=0.3, seed=7))
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.rank_robustness(scores, 4, 2, [0.5])


class AssessmentBookTest(unittest.TestCase):
    def test_close_reopen_and_persist(self):
        import os
        with chuangwen.Campaign.from_file(os.environ["CHUANGWEN_EXAMPLE"]) as c:
            book = chuangwen.AssessmentBook()
            book.close_period(c, "2025-06", "xul", "2025-07-01T09:00:00Z")
            frozen = book.frozen("2025-06")
            self.assertEqual(frozen["component_id"], "special")
            self.assertTrue(book.frozen_csv("2025-06").startswith("rank,group_rank,unit_id"))
            with self.assertRaises(chuangwen.Error) as cm:
                book.close_period(c, "2025-06", "xul", "2025-07-02T09:00:00Z")
            self.assertEqual(cm.exception.code, -5)  # CW_ECONFLICT
            saved = book.save()
            again = chuangwen.AssessmentBook(saved)
            self.assertEqual(again.frozen("2025-06"), frozen)
            again.reopen_period("2025-06", "sunhy", "2025-07-02T10:00:00Z", "更正得分")
            with self.assertRaises(chuangwen.NotFoundError):
                again.frozen("2025-06")
            self.assertIn("更正得分", again.save("json").decode())
            with self.assertRaises(chuangwen.InvalidError):  # Who closes it is required.
                again.close_period(c, "2025-07", "", "2025-08-01T00:00:00Z")
