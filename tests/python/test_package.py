"""The package as a user meets it: its public names, numpy in and out,
closed handles, threads on one handle, and the error classes."""

import array
import importlib
import inspect
import os
import tempfile
import threading
import unittest

import chuangwen

try:
    import numpy
except ImportError:  # optional for the package; the suite (ctest) requires it
    if os.environ.get("CHUANGWEN_TEST_NUMPY"):
        raise ImportError("the numpy tests need python3-numpy (scripts/setup.sh installs it)")
    numpy = None

EXAMPLE = os.environ.get("CHUANGWEN_EXAMPLE", "examples/campaign.textproto")


class PublicNamesTest(unittest.TestCase):
    def test_all_is_complete_and_documented(self):
        public = {n for n in dir(chuangwen) if not n.startswith("_")}
        modules = {n for n in public if inspect.ismodule(getattr(chuangwen, n))}
        self.assertEqual(set(chuangwen.__all__), public - modules - {"annotations"})
        for name in chuangwen.__all__:
            obj = getattr(chuangwen, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                self.assertTrue(obj.__doc__, f"{name} has no docstring")
            if inspect.isclass(obj) and not issubclass(obj, BaseException):
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and callable(member):
                        self.assertTrue(member.__doc__, f"{name}.{attr} has no docstring")

    def test_submodules_by_concept(self):
        for name in ("errors", "campaign", "ledger", "ranking", "calendar", "assessment",
                     "plan", "types"):
            module = importlib.import_module("chuangwen." + name)
            self.assertTrue(module.__doc__)
            for exported in getattr(module, "__all__", []):
                self.assertTrue(hasattr(module, exported), f"{name}.{exported}")
        here = os.path.dirname(chuangwen.__file__)
        self.assertTrue(os.path.exists(os.path.join(here, "py.typed")))

    def test_version_parts_match_the_string(self):
        self.assertEqual(".".join(map(str, chuangwen.version_parts())), chuangwen.version())


class ErrorClassesTest(unittest.TestCase):
    def test_codes_map_to_builtin_families(self):
        from chuangwen.errors import ERRORS
        self.assertTrue(issubclass(ERRORS[-7], MemoryError))
        self.assertTrue(issubclass(ERRORS[-6], OSError))
        self.assertTrue(issubclass(ERRORS[-9], OSError))
        self.assertTrue(issubclass(ERRORS[-2], LookupError))
        self.assertTrue(issubclass(ERRORS[-4], PermissionError))
        self.assertEqual(set(ERRORS), set(range(-9, 0)))

    def test_io_error_from_the_library(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "not-a-ledger.db")
            with open(path, "wb") as f:
                f.write(b"this is not a SQLite file, it is far too short")
            with self.assertRaises(chuangwen.Error) as cm:
                chuangwen.Ledger.open(path)
            self.assertIn(cm.exception.code, (-3, -6))


class ClosedHandleTest(unittest.TestCase):
    def test_every_kind_raises_closed_error(self):
        c = chuangwen.Campaign.from_file(EXAMPLE)
        ledger = chuangwen.Ledger.in_memory(c)
        book = chuangwen.AssessmentBook()
        workspace = chuangwen.RankWorkspace()
        index = chuangwen.RankIndex([1.0, 2.0])
        calls = [(c, lambda: c.workload()), (ledger, lambda: ledger.event_count),
                 (book, lambda: book.save()), (workspace, lambda: workspace.set_threads(1)),
                 (index, lambda: index.rank(0))]
        for handle, call in calls:
            call()
            handle.close()
            self.assertTrue(handle.closed)
            with self.assertRaises(chuangwen.ClosedError):
                call()
            handle.close()  # twice is harmless
        with self.assertRaises(ValueError):  # ClosedError is a ValueError
            c.gaps()


class ThreadsTest(unittest.TestCase):
    def test_one_ledger_written_from_many_threads(self):
        with chuangwen.Campaign.from_file(EXAMPLE) as c, \
                chuangwen.Ledger.in_memory(c) as ledger:
            errors = []

            def work(t):
                try:
                    for i in range(10):
                        item = f"t{t}-{i}"
                        ledger.append([{
                            "id": item + "-e", "item_id": item, "actor": "xul",
                            "at": "2025-09-25T10:00:00+08:00",
                            "issue": {"unit_id": "srk", "working_days": 5,
                                      "findings": [{"description": "占道经营"}]}}])
                        ledger.item(item)
                except Exception as e:  # reported below
                    errors.append(e)

            threads = [threading.Thread(target=work, args=(t,)) for t in range(6)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            self.assertEqual(ledger.event_count, 60)
            self.assertEqual(len(ledger.outstanding("2025-09-26")["items"]), 60)

    def test_campaign_queried_from_many_threads(self):
        with chuangwen.Campaign.from_file(EXAMPLE) as c:
            want = c.unit_tasks("srk")
            got = []
            threads = [threading.Thread(target=lambda: got.append(c.unit_tasks("srk")))
                       for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(got, [want] * 8)

    def test_thread_settings(self):
        chuangwen.configure_threads(1, 0)
        try:
            r = chuangwen.rank_arrays([3.0, 1.0, 2.0], [1.0])
            self.assertEqual(list(r.ranks), [1, 3, 2])
        finally:
            chuangwen.configure_threads(0, -1)
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.configure_threads(-1)
        with chuangwen.RankWorkspace(threads=1, spin_microseconds=0) as ws:
            self.assertEqual(list(ws.rank_arrays([3.0, 1.0], [1.0]).ranks), [1, 2])


@unittest.skipIf(numpy is None, "numpy is not installed")
class NumpyTest(unittest.TestCase):
    def setUp(self):
        rng = numpy.random.default_rng(3)
        self.scores = rng.integers(60, 101, size=(1000, 4)).astype(numpy.float64)
        self.weights = numpy.array([0.4, 0.3, 0.2, 0.1])
        self.vetoed = rng.random(1000) < 0.02
        self.groups = rng.integers(0, 9, size=1000).astype(numpy.int32)

    def reference(self):
        flat = array.array("d", self.scores.ravel().tolist())
        return chuangwen.rank_arrays(flat, array.array("d", self.weights.tolist()),
                                     [int(v) for v in self.vetoed], self.groups.tolist())

    def test_shapes_from_the_array_and_numpy_out(self):
        r = chuangwen.rank_arrays(self.scores, self.weights, self.vetoed, self.groups)
        self.assertIsInstance(r.ranks, numpy.ndarray)
        self.assertEqual(r.ranks.dtype, numpy.int32)
        self.assertEqual(r.ranks.shape, (1000,))
        want = self.reference()
        self.assertEqual(r.ranks.tolist(), list(want.ranks))
        self.assertEqual(r.group_ranks.tolist(), list(want.group_ranks))
        self.assertEqual(r.composites.tolist(), list(want.composites))

    def test_out_arrays_are_filled_in_place(self):
        out = (numpy.zeros(1000, numpy.int32), numpy.zeros(1000, numpy.int32),
               numpy.zeros(1000, numpy.float64))
        r = chuangwen.rank_arrays(self.scores, self.weights, self.vetoed, self.groups, out=out)
        self.assertIs(r.ranks, out[0])
        self.assertIs(r.composites, out[2])
        self.assertEqual(out[0].tolist(), list(self.reference().ranks))
        with self.assertRaises(TypeError) as cm:
            chuangwen.rank_arrays(self.scores, self.weights,
                                  out=(numpy.zeros(1000, numpy.int64), None, None))
        self.assertIn("int32", str(cm.exception))
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.rank_arrays(self.scores, self.weights,
                                  out=(numpy.zeros(999, numpy.int32), None, None))

    def test_float32_and_fortran_order_are_converted(self):
        want = self.reference().ranks
        single = chuangwen.rank_arrays(self.scores.astype(numpy.float32), self.weights,
                                       self.vetoed, self.groups)
        self.assertEqual(single.ranks.tolist(), list(want))
        fortran = chuangwen.rank_arrays(numpy.asfortranarray(self.scores), self.weights,
                                        self.vetoed, self.groups)
        self.assertEqual(fortran.ranks.tolist(), list(want))

    def test_wrong_shapes_are_refused(self):
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.rank_arrays(self.scores, self.weights[:3])
        self.assertIn("4 columns", str(cm.exception))
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.rank_arrays(self.scores, self.weights, self.vetoed[:10])


if __name__ == "__main__":
    unittest.main()
