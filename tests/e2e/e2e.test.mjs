// End-to-end tests of `forbund serve` in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core). Run by .ci/run after
// `cargo test`, with the debug binary that built:
//
//   cd tests/e2e && npm ci && FORBUND_BIN=../../target/debug/forbund npm test
//
// Screenshots of the main screens go to target/e2e/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const binary = resolve(here, process.env.FORBUND_BIN || join(root, "target/debug/forbund"));
const shots = join(root, "target/e2e");
const work = mkdtempSync(join(tmpdir(), "forbund-e2e-"));
mkdirSync(shots, { recursive: true });

let server;
let url;
let context;
let page;
const pageErrors = [];

function environment() {
  const env = { ...process.env, NO_COLOR: "1" };
  delete env.SOURCE_DATE_EPOCH;
  return env;
}

function startServer() {
  return new Promise((resolveStart, reject) => {
    const child = spawn(binary, ["serve", "--port", "0"], { env: environment() });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) resolveStart({ child, url: match[0] });
    });
    child.stderr.on("data", (chunk) => process.stderr.write(`[server] ${chunk}`));
    child.on("exit", (code) => reject(new Error(`forbund serve ended with ${code}: ${out}`)));
  });
}

// The entries of a zip archive (stored or deflated), by name.
function unzip(buffer) {
  const entries = new Map();
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, "not a zip archive");
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(offset + 10);
    const compressed = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataStart, dataStart + compressed);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function waitForPreview() {
  await page.waitForFunction(() => ["klar", "ogiltig"].includes(document.body.dataset.forhand));
}

// Changes the draft through one field and waits for the server's answer.
async function edit(action) {
  await page.evaluate(() => { document.body.dataset.forhand = "väntar"; });
  await action();
  await waitForPreview();
}

before(async () => {
  ({ child: server, url } = await startServer());
  context = await chromium.launchPersistentContext(join(work, "profil"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    acceptDownloads: true,
    // Playwright's waiting evaluates script, which the page's own policy forbids.
    bypassCSP: true,
    viewport: { width: 1400, height: 1000 },
    locale: "sv-SE",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--lang=sv-SE",
    ],
  });
  // Nothing the page does may need the network: any request elsewhere fails the test.
  page = context.pages()[0] || (await context.newPage());
  page.on("dialog", (dialog) => dialog.accept());
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill();
  rmSync(work, { recursive: true, force: true });
});

test("describe a new förbund with two kommuner, fix an error, preview, download what generate writes", async () => {
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(url)) outside.push(r.url()); });
  await page.goto(url);
  await page.waitForSelector("body[data-klar=ja]");
  await waitForPreview();

  await edit(() => page.getByRole("button", { name: "Ny beskrivning" }).click());
  await edit(() => page.locator('[data-path="/namn"] input').fill("Samordningsförbundet Norrort"));
  await edit(() => page.locator('[data-path="/säte"] input').fill("Täby"));
  const members = page.locator('[data-path="/medlemmar"]:not(details)');
  await edit(() => page.locator('[data-path="/medlemmar/0/namn"] input').fill("Täby kommun"));

  // A second kommun: its name starts empty, and the error is shown at that field.
  await edit(() => members.getByRole("button", { name: /^Lägg till/ }).click());
  const newName = page.locator('[data-path="/medlemmar/4/namn"]');
  await assert.doesNotReject(newName.locator(".fel").waitFor());
  assert.match(await newName.locator(".fel").innerText(), /.+/);
  assert.equal(await newName.locator("input").getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#problem").innerText(), /\/medlemmar\/4\/namn/);
  await shot("beskriv-fel");

  await edit(() => newName.locator("input").fill("Vallentuna kommun"));
  assert.equal(await newName.locator(".fel").count(), 0);
  assert.equal(await page.locator("#problem").innerText(), "");

  // The preview shows the drafts, one tjänsteutlåtande per kommun.
  const tabs = page.locator("#dokumentflikar button");
  const titles = await tabs.allInnerTexts();
  assert.ok(titles.some((t) => t.includes("Förbundsordning")), titles.join(" | "));
  assert.equal(titles.filter((t) => /Tjänsteutlåtande/i.test(t)).length, 3, titles.join(" | "));
  const frame = page.frameLocator("#forhand");
  await assert.doesNotReject(frame.getByText("Samordningsförbundet Norrort").first().waitFor());
  await assert.doesNotReject(frame.getByText(/Vallentuna kommun/).first().waitFor());

  // The checker's findings update: two kommuner must say whose arkivmyndighet has the supervision.
  assert.match(await page.locator("#fynd").innerText(), /flera kommuner är medlemmar/);

  // Notices on a member's physical anslagstavla: first an error at the group
  // (which member?), then, once fixed, a finding linked to its field.
  const findingsBefore = await page.locator("#fynd").innerText();
  assert.doesNotMatch(findingsBefore, /\/tillkännagivanden\/plats/);
  await page.locator('details[data-path="/tillkännagivanden"] > summary').click();
  await edit(() => page.locator('[data-path="/tillkännagivanden/plats"] select').selectOption("anslagstavla"));
  const noticeGroup = page.locator('[data-path="/tillkännagivanden"]:not(details)');
  await noticeGroup.locator(".fel").first().waitFor();
  assert.match(await noticeGroup.locator(".fel").first().innerText(), /ange medlemmar/);
  await edit(() => page.locator('[data-path="/tillkännagivanden/medlemmar"]:not(details)').getByRole("button", { name: /^Lägg till/ }).click());
  await edit(() => page.locator('[data-path="/tillkännagivanden/medlemmar/0"] input').fill("Täby kommun"));
  assert.equal(await page.locator("#problem").innerText(), "");
  const link = page.locator("#fynd a", { hasText: "/tillkännagivanden/plats" }).first();
  await assert.doesNotReject(link.waitFor());
  assert.match(await page.locator("#fynd").innerText(), /kommunallagen \(2017:725\)/);
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.name), "/tillkännagivanden/plats");
  await page.locator("#forhand").scrollIntoViewIfNeeded();
  await shot("beskriv");
  await page.setViewportSize({ width: 1400, height: 1500 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("oversikt");
  await page.setViewportSize({ width: 1400, height: 1000 });

  // The draft survives a reload.
  await page.reload();
  await page.waitForSelector("body[data-klar=ja]");
  await waitForPreview();
  assert.equal(await page.locator('[data-path="/medlemmar/4/namn"] input').inputValue(), "Vallentuna kommun");

  // Save the description, download the package, and compare with forbund generate.
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Spara som JSON" }).click()]);
  const description = join(work, "norrort.json");
  await saved.saveAs(description);
  const [zipped] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner paketet (zip)" }).click()]);
  const zipPath = join(work, "paket.zip");
  await zipped.saveAs(zipPath);
  assert.equal(zipped.suggestedFilename(), "samordningsforbundet-norrort.zip");
  const out = join(work, "generate");
  const run = spawnSync(binary, ["generate", description, "-o", out], { env: environment(), encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const entries = unzip(readFileSync(zipPath));
  const written = run.stdout.trim().split("\n");
  assert.equal(entries.size, written.length);
  let compared = 0;
  for (const path of written) {
    const name = path.split("/").pop();
    assert.ok(entries.has(name), `${name} is not in the zip`);
    if (/\.(docx|pdf)$/.test(name)) {
      assert.ok(entries.get(name).equals(readFileSync(path)), `${name} differs from forbund generate`);
      compared++;
    }
  }
  assert.ok(compared >= 8, `only ${compared} DOCX and PDF files compared`);
  assert.deepEqual(outside.filter((u) => !/^(data|blob|about):/.test(u)), []);
  assert.deepEqual(pageErrors, []);
});

test("upload two förbundsordningar and see the comparison", async () => {
  await page.getByRole("tab", { name: "Jämför" }).click();
  await page.getByLabel("Nuvarande förbundsordning").setInputFiles(join(root, "samples/reference/haninge-forbundsordning.md"));
  await page.getByLabel("Föreslagen förbundsordning").setInputFiles(join(root, "samples/reference/husam-forbundsordning.md"));
  await page.getByRole("button", { name: "Jämför", exact: true }).click();
  await page.locator("#jamfor-resultat").waitFor();
  assert.match(await page.locator("#jamfor-rubrik").innerText(), /haninge-forbundsordning\.md → husam-forbundsordning\.md/);
  const view = page.frameLocator("#jamfor-vy");
  await assert.doesNotReject(view.getByRole("heading", { name: "Jämförelse" }).waitFor());
  assert.match(await page.locator("#jamfor-sak").innerText(), /Ändringar i sak/);
  assert.match(await page.locator("#jamfor-sak").innerText(), /2 §: säte Haninge → Huddinge/);
  assert.doesNotMatch(await page.locator("#jamfor-sak").innerText(), /null/);
  const [table] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Jämförelsetabell (Word)" }).click()]);
  assert.equal(table.suggestedFilename(), "jamforelsetabell.docx");
  const tablePath = join(work, "tabell.docx");
  await table.saveAs(tablePath);
  assert.match(unzip(readFileSync(tablePath)).get("word/document.xml").toString("utf8"), /Nuvarande lydelse/);
  await shot("jamfor");
});

test("check a decision package: findings, citations and the 9 § checklist", async () => {
  await page.getByRole("tab", { name: "Kontrollera" }).click();
  await page.getByLabel("Filer att kontrollera").setInputFiles([
    join(root, "samples/reference/stockholm-forbundsordning.md"),
    join(root, "samples/reference/stockholm-avsiktsforklaring.md"),
    join(root, "samples/reference/stockholm-tjansteutlatande.md"),
  ]);
  await page.getByRole("button", { name: "Kontrollera", exact: true }).click();
  const result = page.locator("#kontroll-resultat");
  await result.locator("table.checklista").first().waitFor();
  const text = await result.innerText();
  assert.match(text, /Förbundsordningen: stockholm-forbundsordning\.md/);
  assert.match(text, /Beslutspaketet/);
  assert.match(text, /Checklista enligt 9 § FinsamL/);
  assert.match(text, /finansiell samordning av rehabiliteringsinsatser/);
  const [sarif] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner SARIF" }).click()]);
  const sarifPath = join(work, "kontroll.sarif");
  await sarif.saveAs(sarifPath);
  assert.equal(JSON.parse(readFileSync(sarifPath, "utf8")).version, "2.1.0");
  await shot("kontroll");
});

test("open a description file into the form", async () => {
  await page.getByRole("tab", { name: "Beskriv och förhandsgranska" }).click();
  await edit(() => page.locator("#oppna").setInputFiles(join(root, "samples/husam.json")));
  assert.equal(await page.locator('[data-path="/namn"] input').inputValue(), "Samordningsförbundet HUSAM");
  assert.match(await page.frameLocator("#forhand").locator("h1").first().innerText(), /HUSAM/);
});

test("the tabs work from the keyboard and focus is visible", async () => {
  await page.getByRole("tab", { name: "Kontrollera" }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "flik-beskriv");
  assert.equal(await page.locator("#panel-beskriv").isVisible(), true);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
});
