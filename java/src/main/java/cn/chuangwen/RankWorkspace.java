package cn.chuangwen;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * Scratch memory kept between rankings: repeated rankings of large inputs skip the page faults of
 * fresh memory. One ranking at a time: calls from other threads wait.
 */
public final class RankWorkspace extends Handle {
  /** A workspace using the process-wide thread defaults ({@link Chuangwen#configureThreads}). */
  public RankWorkspace() {
    super(create(), "rank workspace", true);
  }

  private static Pointer create() {
    PointerByReference out = new PointerByReference();
    Lib.check(Lib.API.cw_rank_workspace_new(out));
    return out.getValue();
  }

  @Override
  void free(Pointer p) {
    Lib.API.cw_rank_workspace_free(p);
  }

  /**
   * This workspace's thread count (0: the process-wide default; 1: the calling thread only); the
   * spin is checked and otherwise ignored.
   */
  public void setThreads(int threads, int spinMicroseconds) {
    run(p -> Lib.check(Lib.API.cw_rank_workspace_set_threads(p, threads, spinMicroseconds)));
  }

  /** {@link Ranking#rank(double[], double[], boolean[], int[], Ranking.Ties, boolean)} here. */
  public Ranking.Result rank(
      double[] scores,
      double[] weights,
      boolean[] vetoed,
      int[] groups,
      Ranking.Ties ties,
      boolean normalizeWeights) {
    return Ranking.rankIn(this, scores, weights, vetoed, groups, ties, normalizeWeights);
  }

  /** {@link Ranking#rank(DoubleBuffer, long, DoubleBuffer, ByteBuffer, IntBuffer, Ranking.Ties,
   * boolean, IntBuffer, IntBuffer, DoubleBuffer)} here: allocates nothing with direct buffers. */
  public void rank(
      DoubleBuffer scores,
      long units,
      DoubleBuffer weights,
      ByteBuffer vetoed,
      IntBuffer groups,
      Ranking.Ties ties,
      boolean normalizeWeights,
      IntBuffer outRank,
      IntBuffer outGroupRank,
      DoubleBuffer outComposite) {
    run(
        p ->
            Ranking.call(
                p, scores, units, weights, vetoed, groups, ties, normalizeWeights, outRank,
                outGroupRank, outComposite));
  }
}
