package cn.chuangwen;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import cn.chuangwen.v1.Finding;
import cn.chuangwen.v1.IssueNotice;
import cn.chuangwen.v1.LedgerEvent;
import cn.chuangwen.v1.LedgerRecordBatch;
import cn.chuangwen.v1.LedgerEventBatch;
import cn.chuangwen.v1.LogAppend;
import cn.chuangwen.v1.OpenItem;
import cn.chuangwen.v1.StatusColor;
import cn.chuangwen.v1.VerifyAndClose;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;

public class LedgerTest {
  private static LedgerEvent issue(String item, String unit, String at) {
    return LedgerEvent.newBuilder()
        .setId(item + "-e")
        .setItemId(item)
        .setActor("xul")
        .setAt(at)
        .setIssue(
            IssueNotice.newBuilder()
                .setUnitId(unit)
                .setWorkingDays(5)
                .addFindings(Finding.newBuilder().setCategory("占道经营")))
        .build();
  }

  @Test
  public void aLedgerFileRecordsRefusesAndReopens() throws Exception {
    File dir = Files.createTempDirectory("cw-java-ledger").toFile();
    String path = new File(dir, "ledger.db").getPath();
    try (Campaign c = Campaign.fromFile(CampaignTest.EXAMPLES + "/campaign.textproto")) {
      try (Ledger ledger = Ledger.create(path, c)) {
        ledger.append(Collections.singletonList(issue("j-1", "srk", "2025-09-25T10:00:00+08:00")));
        // The unit's own head may not verify its item: separation of duties.
        try {
          ledger.append(
              Collections.singletonList(
                  LedgerEvent.newBuilder()
                      .setId("v")
                      .setItemId("j-1")
                      .setActor("chensq")
                      .setAt("2025-09-26T10:00:00+08:00")
                      .setVerify(VerifyAndClose.getDefaultInstance())
                      .build()));
          fail("the unit verified its own item");
        } catch (ChuangwenException.PermissionDenied e) {
          assertTrue(e.getMessage(), e.getMessage().contains("chensq"));
        }
        assertEquals(1, ledger.eventCount());
      }
      try (Ledger again = Ledger.open(path)) {
        List<OpenItem> overdue = again.overdue("2025-10-31").getItemsList();
        assertEquals(1, overdue.size());
        assertEquals(StatusColor.RED, overdue.get(0).getColor());
        assertEquals("srk", again.item("j-1").getUnitId());
        try {
          Ledger.create(path, c);
          fail("an existing file was overwritten");
        } catch (ChuangwenException.Conflict e) {
          assertTrue(e.getMessage().length() > 0);
        }
      }
    } finally {
      for (File f : dir.listFiles()) f.delete();
      dir.delete();
    }
  }

  @Test
  public void threadsShareOneLedger() throws Exception {
    try (Campaign c = Campaign.fromFile(CampaignTest.EXAMPLES + "/campaign.textproto");
        Ledger ledger = Ledger.inMemory(c)) {
      List<Thread> threads = new ArrayList<>();
      final List<Throwable> errors = Collections.synchronizedList(new ArrayList<Throwable>());
      for (int t = 0; t < 6; t++) {
        final int id = t;
        Thread thread =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < 10; i++) {
                      String item = "t" + id + "-" + i;
                      ledger.append(
                          Collections.singletonList(
                              issue(item, "srk", "2025-09-25T10:00:00+08:00")));
                      assertEquals(item, ledger.item(item).getId());
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                });
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) thread.join();
      assertEquals(Collections.emptyList(), errors);
      assertEquals(60, ledger.eventCount());
    }
  }

  @Test
  public void aLogTheCallerKeeps() {
    try (Campaign c = Campaign.fromFile(CampaignTest.EXAMPLES + "/campaign.textproto")) {
      LedgerRecordBatch.Builder first = LedgerRecordBatch.newBuilder();
      try (Ledger log = Ledger.newLog(c, first)) {
        assertEquals(1, first.getRecordsCount());
        assertEquals(1, log.logSequence());
        LedgerRecordBatch records =
            log.logPrepare(
                LogAppend.newBuilder()
                    .setExpectedSequence(1)
                    .setEvents(
                        LedgerEventBatch.newBuilder()
                            .addEvents(issue("g-1", "srk", "2025-09-25T10:00:00+08:00")))
                    .build());
        assertEquals(1, log.logSequence());
        log.logCatchUp(records);
        assertEquals(2, log.logSequence());
        try (Ledger other =
            Ledger.loadLog(first.build().toBuilder().addAllRecords(records.getRecordsList()).build())) {
          assertEquals(log.outstanding("2025-09-30", null), other.outstanding("2025-09-30", null));
        }
        try {
          log.append(Collections.singletonList(issue("g-2", "srk", "2025-09-25T10:00:00+08:00")));
          fail("a log ledger took a direct append");
        } catch (ChuangwenException.InvalidArgument e) {
          assertTrue(e.getMessage().contains("cw_ledger_log_prepare"));
        }
      }
    }
  }
}
