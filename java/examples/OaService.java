package cn.chuangwen.examples;

import cn.chuangwen.Campaign;
import cn.chuangwen.Chuangwen;
import cn.chuangwen.Ledger;
import cn.chuangwen.v1.Finding;
import cn.chuangwen.v1.FindingSource;
import cn.chuangwen.v1.IssueNotice;
import cn.chuangwen.v1.LedgerEvent;
import cn.chuangwen.v1.OpenItemList;
import cn.chuangwen.v1.ReportDocument;
import cn.chuangwen.v1.ReportDocumentRequest;
import cn.chuangwen.v1.ReportFormat;
import cn.chuangwen.v1.ReportKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The shape of an OA service using chuangwen: load the campaign once, record inspectors' findings
 * from request threads into one ledger file, and write the monthly bulletin.
 *
 * <p>usage: OaService CAMPAIGN.textproto WORK_DIR
 */
public final class OaService {
  private OaService() {}

  private static final String[][] FINDINGS = {
    {"srk", "占道经营", "解放路农贸市场门口流动摊贩占道"},
    {"srk", "乱贴乱画", "人民路公交站台小广告未清理"},
    {"hwk", "垃圾清运", "东湖小区垃圾桶满溢未及时清运"},
    {"ghk", "工地围挡", "滨江路工地围挡破损未修复"},
    {"zfdd", "违规停车", "文化广场周边非机动车乱停放"},
    {"hwk", "道路保洁", "建设路人行道积尘较多"},
  };

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: OaService CAMPAIGN.textproto WORK_DIR");
      System.exit(2);
    }
    Path work = Paths.get(args[1]);
    Files.createDirectories(work);
    Path db = work.resolve("ledger.db");
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Paths.get(db + suffix));
    }
    // Keep rankings on the calling thread: the server's threads serve requests.
    Chuangwen.configureThreads(1, 0);

    try (Campaign campaign = Campaign.fromFile(args[0]);
        Ledger ledger = Ledger.create(db.toString(), campaign)) {
      // Request threads record findings at once; the Ledger serialises them.
      ExecutorService requests = Executors.newFixedThreadPool(4);
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < FINDINGS.length; i++) {
        final int n = i;
        pending.add(requests.submit(() -> ledger.append(Collections.singletonList(notice(n)))));
      }
      for (Future<?> f : pending) f.get();
      requests.shutdown();

      OpenItemList overdue = ledger.overdue("2025-09-30");
      System.out.println(
          ledger.eventCount() + " notices recorded; " + overdue.getItemsCount() + " overdue");
      ReportDocument bulletin =
          ledger.report(
              ReportDocumentRequest.newBuilder()
                  .setKind(ReportKind.MONTHLY_BULLETIN)
                  .setFormat(ReportFormat.HTML)
                  .setMonth("2025-09")
                  .build());
      Path file = work.resolve(bulletin.getFileName());
      Files.write(file, bulletin.getContent().getBytes(StandardCharsets.UTF_8));
      System.out.println("bulletin " + file + ": " + bulletin.getTitle());
    }
  }

  private static LedgerEvent notice(int n) {
    String[] f = FINDINGS[n];
    String item = "oa-2025-" + (n + 1);
    return LedgerEvent.newBuilder()
        .setId(item + "-issue")
        .setItemId(item)
        .setActor("xul")
        .setAt("2025-09-" + (10 + n) + "T09:30:00+08:00")
        .setIssue(
            IssueNotice.newBuilder()
                .setUnitId(f[0])
                .setWorkingDays(5)
                .addFindings(
                    Finding.newBuilder()
                        .setId(item + "-f")
                        .setSource(FindingSource.DAILY_SUPERVISION)
                        .setCategory(f[1])
                        .setDescription(f[2])))
        .build();
  }
}
