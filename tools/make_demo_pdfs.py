"""Build the demo collateral PDFs in `resources/demo/` and the text extracted from each.

Run `python -m tools.make_demo_pdfs` from the project root. The output is byte-for-byte
deterministic (reportlab's invariant mode), so the files are committed and the sha256 the demo
data names stays stable; this script must never depend on the clock or on the machine.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from fieldnote.demo import CollateralSpec
from resources.demo_files import demo_catalogue

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "demo"

NAVY = colors.HexColor("#16324F")
TEAL = colors.HexColor("#129A9A")
AMBER = colors.HexColor("#E8A33D")
CORAL = colors.HexColor("#D9534F")
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B7A")
PALE = colors.HexColor("#EEF4F7")
RULE = colors.HexColor("#C9D6DF")

COMPANY = "Northwind Analytics"
FOOTER = "Northwind Analytics, Inc.  ·  400 Congress Avenue, Austin, TX 78701  ·  northwind-analytics.com"

# ---------------------------------------------------------------------------------------------
# Styles

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=13.2, textColor=INK)
LEAD_IN = ParagraphStyle("lead", parent=BODY, fontSize=11.5, leading=15.5, textColor=NAVY)
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=20, leading=24,
                    textColor=NAVY, spaceAfter=4)
H2 = ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                    textColor=TEAL, spaceBefore=9, spaceAfter=3)
H3 = ParagraphStyle("h3", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5, leading=14,
                    textColor=NAVY, spaceBefore=5, spaceAfter=2)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5, textColor=MUTED)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5)
CELL_BOLD = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white)
QUOTE = ParagraphStyle("quote", parent=BODY, fontName="Helvetica-Oblique", fontSize=11,
                       leading=15, textColor=NAVY, leftIndent=12, borderPadding=(6, 6, 6, 10),
                       backColor=PALE, spaceBefore=6, spaceAfter=6)
SLIDE_TITLE = ParagraphStyle("slide", parent=H1, fontSize=26, leading=31)
SLIDE_BODY = ParagraphStyle("slideb", parent=BODY, fontSize=13, leading=18)
BIG_NUMBER = ParagraphStyle("bignum", parent=BODY, fontName="Helvetica-Bold", fontSize=24,
                            leading=28, textColor=TEAL, alignment=TA_LEFT)


def p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


def bullets(items: Sequence[str], style: ParagraphStyle = BODY) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(t, style), leftIndent=12, value="circle") for t in items],
        bulletType="bullet", start="\u2022", leftIndent=12, bulletColor=TEAL,
        bulletFontSize=8, spaceBefore=2, spaceAfter=4,
    )


def table(rows: Sequence[Sequence[str]], widths: Sequence[float], *, zebra: bool = True,
          font_size: float | None = None) -> Table:
    cell = CELL if font_size is None else ParagraphStyle("c", parent=CELL, fontSize=font_size,
                                                         leading=font_size + 2.5)
    head = CELL_BOLD if font_size is None else ParagraphStyle("h", parent=cell,
                                                              fontName="Helvetica-Bold",
                                                              textColor=colors.white)
    data = [[Paragraph(c, head) for c in rows[0]]]
    data += [[Paragraph(c, cell) for c in row] for row in rows[1:]]
    t = Table(data, colWidths=list(widths), repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if zebra:
        style += [("BACKGROUND", (0, r), (-1, r), PALE) for r in range(2, len(rows), 2)]
    t.setStyle(TableStyle(style))
    return t


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Sequence[float]],
              names: Sequence[str], *, width: float = 3.3 * inch, height: float = 2.0 * inch,
              value_max: float | None = None, horizontal: bool = False,
              fmt: str = "%d") -> Drawing:
    d = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    chart.x, chart.y = (70, 18) if horizontal else (32, 30)
    chart.width = width - chart.x - 12
    chart.height = height - chart.y - 30
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    if value_max is not None:
        chart.valueAxis.valueMax = value_max
    chart.valueAxis.gridStrokeColor = PALE
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 2
    chart.groupSpacing = 8
    palette = (TEAL, NAVY, AMBER, CORAL)
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor = None
    chart.barLabels.fontName = "Helvetica-Bold"
    chart.barLabels.fontSize = 6.5
    chart.barLabelFormat = fmt
    chart.barLabels.nudge = 6
    d.add(chart)
    d.add(String(0, height - 12, title, fontName="Helvetica-Bold", fontSize=9, fillColor=NAVY))
    legend_x = width - 4
    for i in reversed(range(len(names))):
        label = names[i]
        d.add(String(legend_x, height - 24, label, fontName="Helvetica", fontSize=7,
                     fillColor=palette[i % len(palette)], textAnchor="end"))
        legend_x -= 6 + 4.2 * len(label)
    return d


def stat_row(stats: Sequence[tuple[str, str]], width: float) -> Table:
    cells = [[Paragraph(n, BIG_NUMBER) for n, _ in stats], [Paragraph(t, SMALL) for _, t in stats]]
    t = Table(cells, colWidths=[width / len(stats)] * len(stats))
    t.setStyle(TableStyle([
        ("LINEABOVE", (0, 0), (-1, 0), 2, TEAL),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


def two_columns(left: list[Flowable], right: list[Flowable], width: float,
                split: float = 0.56) -> Table:
    t = Table([[left, right]], colWidths=[width * split, width * (1 - split)])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 14),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
    ]))
    return t


# ---------------------------------------------------------------------------------------------
# Page decoration: a coloured band with the brand and the document's label, a footer rule.


def _decorate(label: str, classification: str) -> Callable[[object, object], None]:
    def draw(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        w, h = doc.pagesize
        canvas.saveState()
        canvas.setFillColor(NAVY)
        canvas.rect(0, h - 0.62 * inch, w, 0.62 * inch, stroke=0, fill=1)
        canvas.setFillColor(TEAL)
        canvas.rect(0, h - 0.70 * inch, w, 0.08 * inch, stroke=0, fill=1)
        # The logo: three ascending bars, like a chart.
        x0, y0 = 0.6 * inch, h - 0.47 * inch
        for i, bh in enumerate((9, 15, 21)):
            canvas.setFillColor(TEAL if i < 2 else AMBER)
            canvas.rect(x0 + i * 7, y0, 5, bh, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(x0 + 28, y0 + 5, COMPANY.upper())
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(w - 0.6 * inch, y0 + 6, label)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(0.6 * inch, 0.55 * inch, w - 0.6 * inch, 0.55 * inch)
        canvas.setFillColor(MUTED)
        canvas.setFont("Helvetica", 7)
        canvas.drawString(0.6 * inch, 0.38 * inch, FOOTER)
        canvas.drawRightString(w - 0.6 * inch, 0.38 * inch,
                               f"{classification}  ·  Page {doc.page}")
        canvas.restoreState()

    return draw


def render(spec: CollateralSpec, story: list[Flowable], *, label: str,
           classification: str = "Public", wide: bool = False) -> bytes:
    pagesize = landscape(letter) if wide else letter
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=pagesize, invariant=1, pageCompression=1,
        title=spec.title, author=COMPANY, subject=spec.summary, creator=COMPANY,
        producer=f"{COMPANY} marketing", keywords=list(spec.tags),
        leftMargin=0.6 * inch, rightMargin=0.6 * inch, topMargin=0.95 * inch,
        bottomMargin=0.75 * inch,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_decorate(label, classification))])
    doc.build(story)
    return buf.getvalue()


CONTENT_WIDTH = letter[0] - 1.2 * inch
WIDE_WIDTH = landscape(letter)[0] - 1.2 * inch

# ---------------------------------------------------------------------------------------------
# The documents


def pipeline_sell_sheet(spec: CollateralSpec) -> bytes:
    w = CONTENT_WIDTH
    left = [
        p("Stop waiting for last night's batch. Pipeline streams every change from your "
          "operational databases, SaaS apps and event streams into your warehouse or lake "
          "with sub-second latency, so dashboards, fraud models and inventory systems act on "
          "what is happening now.", LEAD_IN),
        p("What Pipeline does", H2),
        bullets([
            "<b>Change data capture (CDC)</b> from PostgreSQL, MySQL, Oracle, SQL Server and "
            "SAP HANA without touching application code.",
            "<b>240+ managed connectors</b> including Salesforce, NetSuite, Zendesk, Kafka, "
            "Kinesis and Google Pub/Sub.",
            "<b>Exactly-once delivery</b> into Snowflake, Databricks, BigQuery, Redshift and "
            "Insight Cloud, with automatic retries and replay.",
            "<b>Schema drift handling</b>: new columns appear downstream in minutes, never as "
            "a 3 a.m. page.",
            "<b>In-flight transforms</b> in SQL or Python: mask PII, join reference data, "
            "deduplicate events before they land.",
        ]),
        p("Built for production", H2),
        p("Pipeline runs as a fully managed service in AWS, Azure and Google Cloud regions, "
          "or self-hosted on Kubernetes for air-gapped sites. Every flow has lineage, "
          "row-level audit and alerting on latency, lag and error budgets. Throughput scales "
          "horizontally to 2 million events per second per workspace."),
    ]
    right = [
        bar_chart("Engineer hours per month for 20 connectors", ["Nightly ETL",
                  "Hourly micro-batch", "Pipeline CDC"], [[130, 64, 8]], ["hours"],
                  width=w * 0.42, height=1.9 * inch, value_max=150),
        Spacer(1, 6),
        table([
            ["Metric", "Batch ETL", "Pipeline"],
            ["Data freshness", "8-24 hours", "Under 1 second"],
            ["Engineer hours per connector / month", "6.5", "0.4"],
            ["Failed loads per quarter", "31", "2"],
            ["Time to add a source", "3 weeks", "1 afternoon"],
        ], [w * 0.42 * 0.46, w * 0.42 * 0.27, w * 0.42 * 0.27]),
        Spacer(1, 4),
        p("Figures: median across 42 Pipeline customers migrating from nightly batch, "
          "Q2 2026 benchmark.", SMALL),
    ]
    story: list[Flowable] = [
        p("Pipeline", H1),
        p("Real-time data ingestion with change data capture", H3),
        Spacer(1, 6),
        stat_row([("0.8 s", "median end-to-end latency"),
                  ("240+", "managed connectors"),
                  ("99.95%", "uptime SLA"),
                  ("2M/s", "events per second per workspace")], w),
        Spacer(1, 8),
        two_columns(left, right, w),
        p("Pricing and trial", H2),
        p("Pipeline is priced per million rows synced with volume tiers; see the current "
          "Northwind price list. A 30-day proof of value includes a solutions engineer and "
          "two production connectors. Contact your account executive to start."),
    ]
    return render(spec, story, label="Sell sheet  ·  Pipeline")


def insight_cloud_sell_sheet(spec: CollateralSpec) -> bytes:
    w = CONTENT_WIDTH
    story: list[Flowable] = [
        p("Insight Cloud", H1),
        p("Governed self-service analytics for every team", H3),
        Spacer(1, 4),
        p("Insight Cloud gives analysts, operators and executives one trusted place for "
          "metrics. A shared semantic layer defines revenue, churn or bed occupancy once; "
          "everyone builds dashboards and asks questions in plain language on top of it, "
          "with row-level security deciding who sees what.", LEAD_IN),
        Spacer(1, 6),
        stat_row([("1", "definition of every metric"),
                  ("< 2 s", "p95 dashboard load on 1B rows"),
                  ("SOC 2", "Type II, ISO 27001, HIPAA"),
                  ("EU + US", "data residency regions")], w),
        two_columns([
            p("Why teams choose Insight Cloud", H2),
            bullets([
                "<b>Semantic layer</b> with version control: metric changes are reviewed like "
                "code and never break a dashboard silently.",
                "<b>Ask in plain language</b>: natural-language questions are translated to "
                "governed SQL that an analyst can inspect.",
                "<b>Embedded analytics</b> for customer portals with per-tenant isolation.",
                "<b>Alerts and scheduled reports</b> to email, Slack and Microsoft Teams.",
                "<b>Live connection</b> to Snowflake, Databricks and BigQuery, or the built-in "
                "columnar engine.",
            ]),
        ], [
            p("Security and compliance", H2),
            bullets([
                "HIPAA-ready with a Business Associate Agreement (BAA) for healthcare "
                "customers.",
                "SOC 2 Type II and ISO 27001 certified; annual penetration tests.",
                "GDPR: EU data residency in Frankfurt, DPA and SCCs included.",
                "SSO via SAML and OIDC, SCIM provisioning, customer-managed keys.",
                "Row- and column-level security inherited from the semantic layer.",
            ]),
        ], w, split=0.52),
        p("Editions", H2),
        table([
            ["Capability", "Team", "Business", "Enterprise"],
            ["Creators included", "5", "25", "Unlimited"],
            ["Viewers", "50", "500", "Unlimited"],
            ["Semantic layer and version control", "Yes", "Yes", "Yes"],
            ["Row-level security", "-", "Yes", "Yes"],
            ["HIPAA BAA, customer-managed keys", "-", "-", "Yes"],
            ["EU data residency", "-", "Yes", "Yes"],
            ["Support", "Business hours", "24x5", "24x7 with named TAM"],
        ], [w * 0.4, w * 0.2, w * 0.2, w * 0.2]),
        Spacer(1, 6),
        p("\u201cWe retired four BI tools and 1,900 duplicate reports in one quarter. Finance and "
          "operations finally agree on what a customer is.\u201d  \u2014 VP Data, Halvorsen "
          "Logistics", QUOTE),
    ]
    return render(spec, story, label="Sell sheet  ·  Insight Cloud")


def edge_sensors_sell_sheet(spec: CollateralSpec) -> bytes:
    w = CONTENT_WIDTH
    story: list[Flowable] = [
        p("Edge Sensors", H1),
        p("Predictive maintenance from the factory floor to the dashboard", H3),
        Spacer(1, 4),
        p("Unplanned downtime costs a mid-size plant over $260,000 an hour. Edge Sensors clip "
          "onto motors, pumps, compressors and conveyors in minutes, learn each asset's normal "
          "vibration signature, and warn maintenance teams days before a bearing fails.",
          LEAD_IN),
        Spacer(1, 6),
        stat_row([("10 yr", "battery life"), ("IP67", "sealed, -40 to 85 \u00b0C"),
                  ("2 km", "LoRaWAN range indoors"), ("-43%", "unplanned downtime")], w),
        two_columns([
            p("How it works", H2),
            bullets([
                "Tri-axial <b>vibration</b>, surface <b>temperature</b> and <b>acoustic</b> "
                "sensing in one puck.",
                "On-device anomaly detection: only features and alerts leave the sensor, "
                "so battery lasts a decade.",
                "<b>LoRaWAN</b>, Wi-Fi or cellular gateways; OPC UA and MQTT for your SCADA "
                "and historian.",
                "Data lands in Insight Cloud through Pipeline with plant, line and asset "
                "context, ready for work orders in SAP PM or Maximo.",
                "ATEX / IECEx Zone 2 variant for oil, gas and chemical sites.",
            ]),
            p("Typical results in the first year", H2),
            p("Food and beverage, automotive parts and water utilities see the fastest payback: "
              "fewer emergency repairs, longer maintenance intervals and lower energy use from "
              "correctly aligned motors."),
        ], [
            bar_chart("Plant outcomes after 12 months (%)",
                      ["Downtime", "Repair cost", "Energy"], [[43, 27, 9]], ["reduction"],
                      width=w * 0.42, height=2.0 * inch, value_max=50),
            Spacer(1, 6),
            table([
                ["Specification", "Value"],
                ["Sampling", "Up to 25.6 kHz, 3 axes"],
                ["Enclosure", "IP67, stainless steel"],
                ["Mounting", "Magnet, stud or epoxy"],
                ["Connectivity", "LoRaWAN, Wi-Fi 6, LTE-M"],
                ["Certifications", "CE, FCC, UL, ATEX Zone 2"],
            ], [w * 0.42 * 0.45, w * 0.42 * 0.55]),
        ], w),
    ]
    return render(spec, story, label="Sell sheet  ·  Edge Sensors")


def case_study_mercy_valley(spec: CollateralSpec) -> bytes:
    w = CONTENT_WIDTH
    story: list[Flowable] = [
        p("Mercy Valley Health cuts reporting time by 80% with Insight Cloud", H1),
        p("Case study  ·  Healthcare  ·  Insight Cloud + Pipeline", H3),
        Spacer(1, 6),
        stat_row([("80%", "less time building reports"), ("14 to 1", "BI tools consolidated"),
                  ("6 min", "data freshness from the EHR"), ("$1.9M", "saved in year one")], w),
        Spacer(1, 8),
        two_columns([
            p("The customer", H2),
            p("Mercy Valley Health runs seven hospitals and 48 clinics across Ohio and "
              "Pennsylvania, with 21,000 staff and 2.3 million patient visits a year."),
            p("The challenge", H2),
            p("Bed management, emergency department wait times and staffing were reported "
              "from fourteen separate tools, most refreshed overnight from the Epic EHR. "
              "Analysts spent three days a week reconciling numbers before the Monday "
              "operations meeting, and every new dashboard needed a fresh HIPAA review because "
              "protected health information (PHI) was copied into spreadsheets."),
            p("The solution", H2),
            p("Pipeline streams admissions, discharges and transfers (ADT) from Epic Clarity "
              "and the scheduling system every six minutes. Insight Cloud Enterprise, under a "
              "signed BAA, holds one governed model of patient flow. Row-level security limits "
              "each unit manager to their own wards, and PHI columns are masked for everyone "
              "outside the care team."),
        ], [
            bar_chart("Hours per week spent on reporting", ["Before", "Month 3", "Month 12"],
                      [[118, 52, 24]], ["analyst hours"], width=w * 0.4, height=2.1 * inch,
                      value_max=140),
            Spacer(1, 8),
            p("\u201cOur charge nurses see tonight's bed demand at 2 p.m. instead of "
              "tomorrow morning. That changes how we staff.\u201d", QUOTE),
            p("Dr. Angela Reyes-Whitfield, Chief Nursing Informatics Officer", SMALL),
        ], w),
        PageBreak(),
        p("Results after twelve months", H2),
        table([
            ["Measure", "Before", "After", "Change"],
            ["Time to produce weekly operations pack", "3 days", "4 hours", "-83%"],
            ["Emergency department boarding time (median)", "5.2 h", "3.9 h", "-25%"],
            ["Reports with PHI in spreadsheets", "310", "0", "-100%"],
            ["BI and reporting tools licensed", "14", "1", "-93%"],
            ["Data freshness of bed board", "24 h", "6 min", "240x faster"],
        ], [w * 0.46, w * 0.18, w * 0.18, w * 0.18]),
        p("Why Mercy Valley chose Northwind", H2),
        bullets([
            "<b>HIPAA compliance out of the box</b>: BAA, audit logging of every query on PHI, "
            "customer-managed encryption keys.",
            "<b>Real-time ADT data</b> without adding load to the production Epic database.",
            "<b>One semantic layer</b>: census, length of stay and readmission rates mean the "
            "same thing in every hospital.",
            "A fixed-price implementation by Northwind Professional Services in ten weeks.",
        ]),
        p("What is next", H2),
        p("Mercy Valley is piloting Edge Sensors on the chillers and air handlers of two "
          "hospitals to predict failures in sterile processing and operating theatre "
          "ventilation, and is extending Insight Cloud to its revenue cycle team for denial "
          "management."),
        Spacer(1, 8),
        p("Names of patients and staff are never shown in Northwind case studies. Figures "
          "provided by Mercy Valley Health and reviewed by its compliance office.", SMALL),
    ]
    return render(spec, story, label="Case study  ·  Healthcare")


_PRICES = {
    2026: [
        ["Pipeline", "PL-STD", "Standard: 50M rows/month, 20 connectors", "$24,000"],
        ["Pipeline", "PL-PRO", "Professional: 500M rows/month, unlimited connectors", "$72,000"],
        ["Pipeline", "PL-ROW", "Additional 100M rows/month", "$6,500"],
        ["Insight Cloud", "IC-TEAM", "Team edition: 5 creators, 50 viewers", "$18,000"],
        ["Insight Cloud", "IC-BUS", "Business edition: 25 creators, 500 viewers", "$60,000"],
        ["Insight Cloud", "IC-ENT", "Enterprise edition (HIPAA BAA, CMK)", "from $140,000"],
        ["Edge Sensors", "ES-VIB", "Vibration + temperature sensor (each)", "$420"],
        ["Edge Sensors", "ES-GW", "LoRaWAN gateway (each)", "$1,250"],
        ["Edge Sensors", "ES-PLAT", "Monitoring platform per 100 assets", "$15,000"],
        ["Services", "PS-QS", "QuickStart implementation (4 weeks)", "$25,000"],
        ["Services", "PS-TAM", "Named technical account manager", "$35,000"],
    ],
    2027: [
        ["Pipeline", "PL-STD", "Standard: 50M rows/month, 20 connectors", "$26,000"],
        ["Pipeline", "PL-PRO", "Professional: 500M rows/month, unlimited connectors", "$78,000"],
        ["Pipeline", "PL-ROW", "Additional 100M rows/month", "$6,000"],
        ["Insight Cloud", "IC-TEAM", "Team edition: 5 creators, 50 viewers", "$19,500"],
        ["Insight Cloud", "IC-BUS", "Business edition: 25 creators, 500 viewers", "$64,000"],
        ["Insight Cloud", "IC-ENT", "Enterprise edition (HIPAA BAA, CMK)", "from $150,000"],
        ["Edge Sensors", "ES-VIB", "Vibration + temperature sensor (each)", "$395"],
        ["Edge Sensors", "ES-VIBX", "ATEX Zone 2 vibration sensor (each)", "$690"],
        ["Edge Sensors", "ES-GW", "LoRaWAN gateway (each)", "$1,150"],
        ["Edge Sensors", "ES-PLAT", "Monitoring platform per 100 assets", "$15,000"],
        ["Services", "PS-QS", "QuickStart implementation (4 weeks)", "$27,500"],
        ["Services", "PS-TAM", "Named technical account manager", "$38,000"],
    ],
}


def price_list(spec: CollateralSpec, year: int) -> bytes:
    w = CONTENT_WIDTH
    rows = [["Product", "SKU", "Description", "Annual list price (USD)"]] + _PRICES[year]
    story: list[Flowable] = [
        p(f"Price list {year}", H1),
        p(f"List prices effective 1 January {year} to 31 December {year}, in US dollars, "
          "billed annually in advance", H3),
        Spacer(1, 6),
        table(rows, [w * 0.17, w * 0.12, w * 0.49, w * 0.22]),
        p("Discount guidance", H2),
        table([
            ["Deal size (annual contract value)", "Rep may approve", "Manager may approve",
             "Needs deal desk"],
            ["Under $50,000", "up to 5%", "up to 10%", "above 10%"],
            ["$50,000 to $250,000", "up to 8%", "up to 15%", "above 15%"],
            ["Over $250,000", "up to 10%", "up to 20%", "above 20%"],
        ], [w * 0.31, w * 0.23, w * 0.23, w * 0.23]),
        p("Terms", H2),
        bullets([
            "Multi-year agreements: 3-year term with annual price protection of 3% at most.",
            "Non-profit, education and public sector customers receive 15% off list.",
            "Euro and pound sterling price lists are available from the deal desk.",
            "Edge Sensors hardware ships within 10 business days; hardware carries a 3-year "
            "warranty.",
            "Prices exclude applicable taxes. Quotes are valid for 30 days.",
        ]),
        Spacer(1, 6),
        p("Internal pricing guidance: do not forward this document to customers. Send a "
          "quote from the CRM instead.", SMALL),
    ]
    return render(spec, story, label=f"Price list {year}", classification="Internal")


def platform_brochure(spec: CollateralSpec) -> bytes:
    w = CONTENT_WIDTH
    story: list[Flowable] = [
        p("The Northwind Data Platform", H1),
        p("From sensor to decision in seconds", H3),
        Spacer(1, 4),
        p("Northwind Analytics helps 1,400 companies in manufacturing, logistics, healthcare "
          "and financial services turn raw operational data into decisions. Three products "
          "work alone or together: <b>Pipeline</b> moves data in real time, <b>Insight "
          "Cloud</b> makes it trustworthy and usable by everyone, and <b>Edge Sensors</b> "
          "capture what happens on the shop floor.", LEAD_IN),
        Spacer(1, 6),
        stat_row([("1,400", "customers in 38 countries"), ("94%", "gross revenue retention"),
                  ("17 PB", "data moved every month"), ("4.7/5", "average analyst rating")], w),
        Spacer(1, 6),
        bar_chart("Customers by year", ["2021", "2022", "2023", "2024", "2025", "2026"],
                  [[310, 520, 760, 980, 1210, 1400]], ["customers"], width=w,
                  height=1.9 * inch, value_max=1600),
        p("Our customers", H2),
        p("Halvorsen Logistics tracks 9,000 trucks across the Nordics; Kestrel Automotive "
          "monitors 6,500 motors in four plants; Mercy Valley Health manages beds for seven "
          "hospitals; Banco Atlântico detects card fraud while the payment is still being "
          "authorised. They share one need: current, correct data in front of the people "
          "who act on it."),
        PageBreak(),
        p("Three products, one platform", H2),
        table([
            ["", "Pipeline", "Insight Cloud", "Edge Sensors"],
            ["Job", "Move data in real time", "Govern and analyse", "Capture the physical world"],
            ["Who uses it", "Data engineers", "Analysts, operators, executives",
             "Maintenance and reliability teams"],
            ["Key capability", "CDC, 240+ connectors, exactly-once",
             "Semantic layer, natural-language questions", "Vibration and temperature anomaly "
             "detection"],
            ["Deploys", "Managed cloud or Kubernetes", "Managed cloud, EU or US",
             "Clip-on sensors + gateways"],
        ], [w * 0.16, w * 0.28, w * 0.28, w * 0.28]),
        p("Security you can show your auditors", H2),
        p("Every Northwind service is SOC 2 Type II and ISO 27001 certified. Insight Cloud "
          "Enterprise is HIPAA-ready with a BAA; data can stay in the EU (Frankfurt) or the US. "
          "Single sign-on, SCIM, audit logs, customer-managed keys and private networking "
          "(AWS PrivateLink, Azure Private Link) are standard in Enterprise."),
        p("Services and support", H2),
        bullets([
            "<b>QuickStart</b>: production in four weeks with a fixed price and a named "
            "solutions architect.",
            "<b>Northwind Academy</b>: free online courses and certifications for engineers "
            "and analysts.",
            "<b>24x7 support</b> with a 30-minute response for severity-one incidents.",
            "<b>Customer Success</b>: quarterly business reviews against agreed outcomes.",
        ]),
        p("Partners", H2),
        p("Northwind works alongside the tools you already run. Certified integrations with "
          "Snowflake, Databricks, BigQuery, SAP, Salesforce, ServiceNow and Microsoft Teams; "
          "implementation partners in North America, Europe and Asia-Pacific."),
        Spacer(1, 8),
        KeepTogether([
            p("Talk to us", H2),
            p("Book a 30-minute discovery call at northwind-analytics.com/demo or ask the "
              "person who gave you this brochure."),
        ]),
    ]
    return render(spec, story, label="Company brochure")


def battlecard(spec: CollateralSpec) -> bytes:
    w = CONTENT_WIDTH
    story: list[Flowable] = [
        p("Battlecard: Snowflake, Databricks and Tableau", H1),
        p("How to position Pipeline and Insight Cloud when a competitor is in the deal", H3),
        Spacer(1, 4),
        p("Most of our wins are <b>alongside</b> a cloud warehouse, not instead of it. Lead "
          "with real-time ingestion and governed metrics; never start a platform war the "
          "customer did not ask for.", LEAD_IN),
        p("At a glance", H2),
        table([
            ["", "Northwind", "Snowflake", "Databricks", "Tableau"],
            ["Streaming CDC ingestion", "Native, sub-second", "Partner tools / Snowpipe",
             "Structured Streaming (build it)", "None"],
            ["Semantic layer", "Built in, versioned", "Limited", "Unity Catalog metrics",
             "Per workbook"],
            ["Natural-language questions", "Governed SQL", "Cortex (preview features)",
             "Genie", "Tableau Pulse"],
            ["HIPAA BAA", "Yes (Enterprise)", "Yes (Business Critical)", "Yes", "Yes"],
            ["Pricing model", "Per row synced + editions", "Credits (consumption)",
             "DBUs (consumption)", "Per user"],
            ["IoT / edge data", "Edge Sensors", "None", "None", "None"],
        ], [w * 0.2, w * 0.2, w * 0.2, w * 0.2, w * 0.2], font_size=8),
        p("Objection handling", H2),
        table([
            ["They say", "You say"],
            ["\u201cWe already use Snowflake.\u201d",
             "Great: Pipeline lands data in Snowflake with exactly-once delivery and Insight "
             "Cloud queries it live. We make your Snowflake investment current, not "
             "redundant."],
            ["\u201cDatabricks can do streaming.\u201d",
             "It can, if you staff engineers to build and run it. Pipeline gives you 240+ "
             "connectors and CDC as a managed service; ask what their team's backlog looks "
             "like."],
            ["\u201cYour price is too high.\u201d",
             "Compare total cost: consumption credits for continuous ingestion plus "
             "engineering time usually exceed our fixed per-row price. Offer the TCO "
             "worksheet."],
            ["\u201cSecurity review will take months.\u201d",
             "Send the trust pack on day one: SOC 2 Type II report, ISO 27001 certificate, "
             "pen-test summary, HIPAA BAA template, DPA with SCCs."],
            ["\u201cTableau is our standard.\u201d",
             "Keep it: Insight Cloud's semantic layer feeds Tableau through the SQL "
             "endpoint, so Tableau users finally see the same numbers as everyone else."],
        ], [w * 0.3, w * 0.7]),
        PageBreak(),
        p("Landmines to set (questions to ask early)", H2),
        bullets([
            "How old is the data on your most important dashboard when you look at it?",
            "Who owns the definition of 'active customer' today, and where is it written "
            "down?",
            "What did continuous ingestion cost you last quarter in credits or DBUs?",
            "How many engineers maintain your connectors and streaming jobs?",
            "Which of your sites generate machine data that never reaches the warehouse?",
        ]),
        p("Where we lose, and what to do", H2),
        bullets([
            "<b>Pure batch reporting, no latency need</b>: qualify out early or lead with "
            "Insight Cloud alone.",
            "<b>All-in Databricks shop with a large platform team</b>: position Edge Sensors "
            "and the semantic layer, not Pipeline.",
            "<b>Procurement mandates a single vendor</b>: involve a partner from the "
            "Snowflake or Microsoft marketplace to buy through existing commit.",
        ]),
        p("Proof points", H2),
        bullets([
            "Mercy Valley Health: 14 BI tools to 1, HIPAA, Epic data in six minutes.",
            "Halvorsen Logistics: replaced a home-grown Kafka stack; 0.8 s latency, 3 "
            "engineers reassigned.",
            "Kestrel Automotive: 43% less unplanned downtime with Edge Sensors in year one.",
        ]),
        Spacer(1, 8),
        p("Competitive information is compiled from public sources and customer reports, "
          "October 2026. Do not share this battlecard outside Northwind.", SMALL),
    ]
    return render(spec, story, label="Competitive battlecard", classification="Internal")


def executive_deck(spec: CollateralSpec) -> bytes:
    w = WIDE_WIDTH
    slide1: list[Flowable] = [
        Spacer(1, 0.9 * inch),
        p("Insight Cloud", ParagraphStyle("d1", parent=SLIDE_TITLE, fontSize=40, leading=46)),
        Spacer(1, 6),
        p("Executive briefing: one version of the truth, in real time", ParagraphStyle(
            "d2", parent=SLIDE_BODY, fontSize=20, leading=26, textColor=TEAL)),
        Spacer(1, 0.5 * inch),
        p("For chief data officers, CFOs and COOs evaluating a governed analytics platform. "
          "Twenty minutes: the problem, the platform, the proof, the plan.", SLIDE_BODY),
        Spacer(1, 0.8 * inch),
        p("Northwind Analytics  ·  Executive briefing  ·  2026", SMALL),
        PageBreak(),
    ]
    slide2: list[Flowable] = [
        p("Why now: decisions are made on yesterday's data", SLIDE_TITLE),
        Spacer(1, 10),
        two_columns([
            bullets([
                "72% of executives say they do not trust the numbers in their own dashboards.",
                "Analysts spend 40% of their week reconciling metrics between tools.",
                "Batch pipelines leave operations 8 to 24 hours behind reality.",
                "Every new tool is another security review, another copy of sensitive data.",
            ], SLIDE_BODY),
        ], [
            bar_chart("Hours per analyst per week", ["Reconciling", "Waiting on data",
                      "Analysis"], [[16, 9, 15], [3, 1, 36]], ["Before", "With Insight Cloud"],
                      width=w * 0.42, height=3.4 * inch, value_max=40),
        ], w, split=0.55),
        Spacer(1, 18),
        stat_row([("72%", "of executives distrust their own dashboards"),
                  ("16 h", "per analyst per week spent reconciling"),
                  ("8-24 h", "typical delay of batch pipelines")], w),
        PageBreak(),
    ]
    slide3: list[Flowable] = [
        p("The proof: outcomes our customers measured", SLIDE_TITLE),
        Spacer(1, 10),
        table([
            ["Customer", "Industry", "Outcome", "Payback"],
            ["Mercy Valley Health", "Healthcare", "Reporting time -80%, HIPAA PHI out of "
             "spreadsheets", "7 months"],
            ["Halvorsen Logistics", "Logistics", "Fleet dashboards at 0.8 s latency",
             "5 months"],
            ["Kestrel Automotive", "Manufacturing", "Unplanned downtime -43% with Edge Sensors",
             "9 months"],
            ["Banco Atl\u00e2ntico", "Financial services", "Card fraud losses -31%",
             "4 months"],
        ], [w * 0.22, w * 0.18, w * 0.45, w * 0.15], font_size=11),
        Spacer(1, 16),
        p("The plan: a 30-day proof of value on your own data, two production use cases, a "
          "fixed-price QuickStart, and a business case reviewed with your finance team.",
          ParagraphStyle("d3", parent=SLIDE_BODY, textColor=NAVY,
                         fontName="Helvetica-Bold")),
    ]
    return render(spec, slide1 + slide2 + slide3, label="Executive briefing", wide=True)


def west_pilot(spec: CollateralSpec) -> bytes:
    w = CONTENT_WIDTH
    story: list[Flowable] = [
        p("Edge Sensors pilot program: West region", H1),
        p("A 90-day predictive maintenance pilot for plants in California, Oregon, Washington, "
          "Nevada and Arizona", H3),
        Spacer(1, 4),
        p("Start small, prove value on your own machines, then scale. The West region pilot "
          "bundles everything a plant needs to monitor its twenty most critical assets for "
          "ninety days, with a fixed price credited in full against a first-year "
          "subscription.", LEAD_IN),
        Spacer(1, 6),
        stat_row([("$9,500", "fixed pilot price"), ("20", "sensors included"),
                  ("90 days", "monitoring and reviews"), ("100%", "credited on purchase")], w),
        p("What is included", H2),
        table([
            ["Item", "Detail"],
            ["Hardware", "20 Edge Sensors (vibration + temperature), 1 LoRaWAN gateway, mounts"],
            ["Installation", "Half-day on-site install by a Northwind field engineer"],
            ["Platform", "Insight Cloud maintenance dashboards, alerts to email and Teams"],
            ["Reviews", "Weekly 30-minute review of alerts with a reliability engineer"],
            ["Close-out", "Executive readout with measured downtime and a scaling plan"],
        ], [w * 0.22, w * 0.78]),
        p("Who qualifies", H2),
        bullets([
            "Manufacturing, food and beverage, water and wastewater, or cold-chain logistics "
            "sites in the West region.",
            "At least 50 rotating assets (motors, pumps, fans, compressors) on site.",
            "A named maintenance lead and an executive sponsor for the readout.",
            "Decision on a first-year subscription expected within 60 days of the pilot's "
            "end.",
        ]),
        p("Offer valid for pilots signed by 31 March 2027. Wildfire-season scheduling: "
          "installs in August and September are booked early, so plan ahead.", SMALL),
    ]
    return render(spec, story, label="Pilot offer  ·  West region")


BUILDERS: dict[str, Callable[[CollateralSpec], bytes]] = {
    "pipeline-sell-sheet": pipeline_sell_sheet,
    "insight-cloud-sell-sheet": insight_cloud_sell_sheet,
    "edge-sensors-sell-sheet": edge_sensors_sell_sheet,
    "case-study-mercy-valley-health": case_study_mercy_valley,
    "price-list-2026": lambda s: price_list(s, 2026),
    "price-list-2027": lambda s: price_list(s, 2027),
    "northwind-platform-brochure": platform_brochure,
    "battlecard-snowflake-databricks": battlecard,
    "insight-cloud-executive-briefing": executive_deck,
    "edge-sensors-west-pilot": west_pilot,
}


def extract_text(pdf: bytes) -> str:
    """The document's text as full-text search will index it: pages joined by blank lines."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = [(page.extract_text() or "").strip() for page in reader.pages]
    return "\n\n".join(pages) + "\n"


def build_all(out_dir: Path) -> list[Path]:
    """Write every catalogue PDF and its `.txt` into `out_dir`; return the PDF paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in demo_catalogue():
        builder = BUILDERS.get(spec.stem)
        if builder is None:
            raise SystemExit(f"No PDF builder for catalogue entry {spec.stem!r}")
        pdf = builder(spec)
        (out_dir / f"{spec.stem}.pdf").write_bytes(pdf)
        (out_dir / f"{spec.stem}.txt").write_text(extract_text(pdf), encoding="utf-8")
        written.append(out_dir / f"{spec.stem}.pdf")
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR,
                        help="directory to write into (default: resources/demo)")
    args = parser.parse_args(argv)
    for path in build_all(args.out):
        sys.stdout.write(f"{path.name}: {path.stat().st_size:,} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
