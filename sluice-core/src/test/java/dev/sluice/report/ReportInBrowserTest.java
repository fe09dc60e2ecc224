package dev.sluice.report;

import dev.sluice.Sluice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Loads a job report in headless Chromium and checks the screenshot is not blank. Skipped when no Chromium is
 * installed; CI installs Debian's chromium package so it runs there.
 */
class ReportInBrowserTest {
    @TempDir Path dir;

    @Test void theReportRendersInHeadlessChromium() throws Exception {
        String browser = findBrowser();
        assumeTrue(browser != null, "no chromium on this machine");
        Path data = JobReportTest.writeLogs(dir);
        Path html = dir.resolve("report.html");
        try (Sluice sluice = Sluice.builder().parallelism(2).maxSplitBytes(8 * 1024).build(); JobReport report = JobReport.attach(sluice)) {
            sluice.read().schema("id BIGINT, s STRING").json(data.toString()).filter(col("id").gt(10)).count();
            report.writeHtml(html);
        }
        Path png = dir.resolve("shot.png");
        Process p = new ProcessBuilder(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1200,900",
                "--screenshot=" + png, html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(Files.exists(png)).as("screenshot written; log: %s", Files.readString(dir.resolve("chromium.log"))).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) colors.add(image.getRGB(x, y));
        }
        assertThat(colors.size()).as("distinct colours in the screenshot").isGreaterThan(20);
    }

    private static String findBrowser() {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(candidate))) return candidate;
        }
        return null;
    }

}
