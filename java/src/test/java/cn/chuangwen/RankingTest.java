package cn.chuangwen;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Random;
import org.junit.Test;

public class RankingTest {
  @Test
  public void aHandWorkedExample() {
    double[] scores = {90, 80, 85, 95, 90, 80, 99, 99};
    Ranking.Result r =
        Ranking.rank(
            scores,
            new double[] {0.6, 0.4},
            new boolean[] {false, false, false, true},
            new int[] {0, 1, 1, 0},
            Ranking.Ties.COMPETITION,
            false);
    assertArrayEquals(new int[] {2, 1, 2, 4}, r.ranks);
    assertArrayEquals(new int[] {1, 1, 2, 2}, r.groupRanks);
    assertEquals(89.0, r.composites[1], 1e-12);
  }

  @Test
  public void directBuffersInAWorkspaceMatchArrays() {
    int n = 70000;
    int k = 3;
    Random rng = new Random(7);
    double[] scores = new double[n * k];
    for (int i = 0; i < scores.length; i++) scores[i] = rng.nextInt(1001) / 10.0;
    double[] weights = {0.5, 0.3, 0.2};
    int[] groups = new int[n];
    for (int i = 0; i < n; i++) groups[i] = rng.nextInt(700);
    Ranking.Result want = Ranking.rank(scores, weights, null, groups, Ranking.Ties.COMPETITION, false);

    DoubleBuffer s = Ranking.doubles(n * k);
    s.put(scores).flip();
    DoubleBuffer w = Ranking.doubles(k);
    w.put(weights).flip();
    IntBuffer g = Ranking.ints(n);
    g.put(groups).flip();
    IntBuffer rank = Ranking.ints(n);
    IntBuffer groupRank = Ranking.ints(n);
    try (RankWorkspace ws = new RankWorkspace()) {
      ws.setThreads(1, 0);
      for (int round = 0; round < 2; round++) {
        ws.rank(s, n, w, (ByteBuffer) null, g, Ranking.Ties.COMPETITION, false, rank, groupRank, null);
        int[] got = new int[n];
        rank.get(got).rewind();
        assertArrayEquals(want.ranks, got);
        groupRank.get(got).rewind();
        assertArrayEquals(want.groupRanks, got);
      }
    }
  }

  @Test
  public void badInputIsRefusedBeforeAnyOutput() {
    try {
      Ranking.rank(new double[] {1, Double.NaN, 3, 4}, new double[] {0.5, 0.5}, null, null,
          Ranking.Ties.DENSE, false);
      fail("NaN was accepted");
    } catch (ChuangwenException.InvalidArgument e) {
      assertEquals("unit 0, indicator 1: score is NaN", e.getMessage());
    }
    try {
      Ranking.rank(new double[] {1, 2, 3}, new double[] {0.5, 0.5}, null, null,
          Ranking.Ties.DENSE, false);
      fail("a ragged score array was accepted");
    } catch (ChuangwenException.InvalidArgument e) {
      assertTrue(e.getMessage().contains("not a multiple of 2"));
    }
    try {
      Chuangwen.configureThreads(-1, 0);
      fail("a negative thread count was accepted");
    } catch (ChuangwenException.InvalidArgument e) {
      assertTrue(e.getMessage().contains("negative"));
    }
  }

  @Test
  public void theIncrementalIndex() {
    double[] composites = {50, 60, 70, 80};
    try (RankIndex index = new RankIndex(composites, null, new int[] {0, 0, 1, 1})) {
      assertArrayEquals(new int[] {4, 2}, index.rank(0));
      assertArrayEquals(new int[] {1, 1}, index.update(0, 99));
      try {
        index.update(4, 1);
        fail("a unit out of range was accepted");
      } catch (ChuangwenException.NotFound e) {
        assertTrue(e.getMessage().contains("out of range"));
      }
    }
  }
}
