package cn.chuangwen;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * Incremental competition ranks: after a full ranking, change one unit's composite and read its new
 * overall and group rank. Calls from several threads are serialised.
 */
public final class RankIndex extends Handle {
  private final int units;

  /** An index over composites (e.g. {@link Ranking.Result#composites}); vetoed, groups nullable. */
  public RankIndex(double[] composites, boolean[] vetoed, int[] groups) {
    super(create(composites, vetoed, groups), "rank index", true);
    this.units = composites.length;
  }

  private static Pointer create(double[] composites, boolean[] vetoed, int[] groups) {
    int n = composites.length;
    ByteBuffer v = Ranking.vetoFlags(vetoed, n);
    if (groups != null && groups.length != n) {
      throw new ChuangwenException.InvalidArgument(
          "groups has " + groups.length + " entries, expected " + n);
    }
    PointerByReference out = new PointerByReference();
    Lib.check(
        Lib.API.cw_rank_index_new(
            DoubleBuffer.wrap(composites), n, v, groups != null ? IntBuffer.wrap(groups) : null, out));
    return out.getValue();
  }

  @Override
  void free(Pointer p) {
    Lib.API.cw_rank_index_free(p);
  }

  /** The number of units. */
  public int units() {
    return units;
  }

  /** Sets a unit's composite; returns its {rank, groupRank}. */
  public int[] update(int unit, double composite) {
    return use(
        p -> {
          IntByReference r = new IntByReference();
          IntByReference g = new IntByReference();
          Lib.check(Lib.API.cw_rank_index_update(p, unit, composite, r, g));
          return new int[] {r.getValue(), g.getValue()};
        });
  }

  /** A unit's current {rank, groupRank}. */
  public int[] rank(int unit) {
    return use(
        p -> {
          IntByReference r = new IntByReference();
          IntByReference g = new IntByReference();
          Lib.check(Lib.API.cw_rank_index_rank(p, unit, r, g));
          return new int[] {r.getValue(), g.getValue()};
        });
  }
}
