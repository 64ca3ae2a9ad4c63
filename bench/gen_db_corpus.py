#!/usr/bin/env python3
"""Generates a corpus of distinct policy documents for the database benchmark.

Each document starts from one of samples/*.txt (the ones with a 发文字号 and
in simplified Chinese) and gets its own place (one of ~60 cities; a province,
county or district for those templates), 发文字号 (abbreviation, year and
serial: issuer + 文号 unique), title (the place and one of ~40 industries;
unique too), amounts (the numbers before 万元 scaled), and dates (the whole
document moved to a year in 2019-2026, so some policies have expired, some are
in force and some not yet; a site header's 有效/已失效 follows, as of
2026-01-01). Short documents get a seeded 附件 of numbered clauses taken from
the other samples, so sizes average ~10 KB. About 85% are written as .txt and
15% as a simple government page in .html. Files go into subfolders of 500
(OUT/000/, OUT/001/, ...). Deterministic for a given --seed.

usage: gen_db_corpus.py OUT_DIR [--docs 10000] [--seed 1]
"""
import argparse, html, math, pathlib, random, re

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--docs", type=int, default=10000)
ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(a.out)
rng = random.Random(a.seed)

# (name, 文号 abbreviation)
CITIES = [
    ("无锡", "锡"), ("常州", "常"), ("南通", "通"), ("扬州", "扬"), ("镇江", "镇"),
    ("泰州", "泰"), ("徐州", "徐"), ("盐城", "盐"), ("淮安", "淮"), ("宿迁", "宿"),
    ("温州", "温"), ("嘉兴", "嘉"), ("湖州", "湖"), ("绍兴", "绍"), ("金华", "金"),
    ("台州", "台"), ("丽水", "丽"), ("衢州", "衢"), ("舟山", "舟"), ("福州", "榕"),
    ("泉州", "泉"), ("漳州", "漳"), ("莆田", "莆"), ("佛山", "佛"), ("东莞", "东"),
    ("珠海", "珠"), ("中山", "中"), ("惠州", "惠"), ("江门", "江"), ("汕头", "汕"),
    ("烟台", "烟"), ("潍坊", "潍"), ("临沂", "临"), ("淄博", "淄"), ("威海", "威"),
    ("洛阳", "洛"), ("开封", "汴"), ("襄阳", "襄"), ("宜昌", "宜"), ("芜湖", "芜"),
    ("蚌埠", "蚌"), ("株洲", "株"), ("湘潭", "潭"), ("岳阳", "岳"), ("南昌", "洪"),
    ("赣州", "赣"), ("贵阳", "筑"), ("南宁", "南"), ("柳州", "柳"), ("太原", "并"),
    ("大同", "同"), ("石家庄", "石"), ("保定", "保"), ("唐山", "唐"), ("大连", "大"),
    ("长春", "长"), ("兰州", "兰"), ("银川", "银"), ("海口", "海"), ("绵阳", "绵"),
    ("宝鸡", "宝"), ("遵义", "遵"),
]
PROVINCES = [
    ("江苏", "苏"), ("浙江", "浙"), ("山东", "鲁"), ("河南", "豫"), ("湖北", "鄂"),
    ("湖南", "湘"), ("福建", "闽"), ("安徽", "皖"), ("四川", "川"), ("河北", "冀"),
    ("江西", "赣"), ("陕西", "陕"), ("山西", "晋"), ("辽宁", "辽"), ("吉林", "吉"),
    ("云南", "云"), ("贵州", "黔"), ("甘肃", "甘"), ("海南", "琼"), ("广东", "粤"),
]
COUNTIES = [
    ("长兴", "长"), ("安吉", "安"), ("海盐", "盐"), ("嘉善", "善"), ("桐庐", "桐"),
    ("淳安", "淳"), ("宁海", "宁"), ("象山", "象"), ("永嘉", "永"), ("平阳", "平"),
    ("苍南", "苍"), ("天台", "天"), ("仙居", "仙"), ("三门", "三"), ("缙云", "缙"),
    ("遂昌", "遂"), ("龙游", "龙"), ("开化", "开"), ("武义", "武"), ("浦江", "浦"),
]
DISTRICTS = [
    ("滨江", "滨"), ("城东", "东"), ("城西", "西"), ("临港", "港"), ("江北", "北"),
    ("新城", "新"), ("湖滨", "湖"), ("高新", "高"), ("经开", "经"), ("滨海", "海"),
]
INDUSTRIES = [
    "人工智能", "生物医药", "集成电路", "新能源汽车", "高端装备", "新材料", "低空经济",
    "智能网联汽车", "工业互联网", "软件和信息服务", "光伏", "储能", "氢能", "海洋装备",
    "航空航天", "医疗器械", "数字创意", "跨境电商", "现代物流", "绿色建材", "节能环保",
    "智能家居", "纺织服装", "食品加工", "文化旅游", "现代农业", "预制菜", "机器人",
    "半导体", "新型显示", "北斗导航", "网络安全", "元宇宙", "数据要素", "算力",
    "精细化工", "轨道交通装备", "船舶制造", "安全应急", "康养",
]

# One record per sample used. place: the template's place name (replaced
# everywhere); kind: city/province/county/district; abbr: the 发文字号's
# leading place abbreviation (None when it is not a place, like 西安's 市政办发);
# docno: the template's own 发文字号 (ASCII digits); subject: a phrase of the
# title replaced by `form` ({p}: the new place, {i}: the industry).
TEMPLATES = [
    dict(file="000_416e64e656112d15.txt", place="连云港", kind="city", abbr="连",
         docno="连政办规〔2025〕5号", subject="连云港市支持安防产业",
         form="{p}市支持{i}产业"),
    dict(file="004_ebfee30354606d84.txt", place="连云港", kind="city", abbr="连",
         docno="连政办规〔2025〕6号", subject="加快建设制造强市",
         form="{p}市加快建设{i}强市"),
    dict(file="101_suzhou_banfa.txt", place="苏州", kind="city", abbr="苏",
         docno="苏府办规〔2024〕3号", subject="科技创新券管理办法",
         form="{i}产业科技创新券管理办法"),
    dict(file="102_hangzhou_yijian.txt", place="杭州", kind="city", abbr="杭",
         docno="杭政〔2025〕12号", subject="人工智能产业", form="{i}产业"),
    dict(file="104_chengdu_tongzhi_table.txt", place="成都", kind="city", abbr="成",
         docno="成经信发〔2024〕18号", subject="工业和信息化发展专项资金项目",
         form="{i}产业发展专项资金项目"),
    dict(file="105_wuhan_tongzhi_renwu.txt", place="武汉", kind="city", abbr="武",
         docno="武政办〔2024〕21号", subject="优化营商环境重点任务",
         form="{i}产业优化营商环境重点任务"),
    dict(file="106_hefei_xize.txt", place="合肥", kind="city", abbr="合",
         docno="合经信规〔2023〕4号", subject="集成电路产业", form="{i}产业"),
    dict(file="107_jinan_cuoshi.txt", place="济南", kind="city", abbr="济",
         docno="济政发〔2021〕8号", subject="支持民营经济高质量发展",
         form="支持{i}产业民营经济高质量发展", fullwidth=True),
    dict(file="108_xian_banfa.txt", place="西安", kind="city", abbr=None,
         docno="市政办发〔2026〕31号", subject="科技企业孵化器管理办法",
         form="{i}科技企业孵化器管理办法"),
    dict(file="109_changsha_cuoshi.txt", place="长沙", kind="city", abbr="长",
         docno="长政办发〔2023〕15号", subject="支持先进制造业高质量发展",
         form="支持{i}产业高质量发展"),
    dict(file="110_zhengzhou_tongzhi_table.txt", place="郑州", kind="city", abbr="郑",
         docno="郑政办〔2024〕9号", subject="促进消费提质扩容",
         form="促进{i}消费提质扩容"),
    dict(file="111_guangdong_sheng_tongzhi.txt", place="广东", kind="province", abbr="粤",
         docno="粤府办〔2022〕7号", subject="中小企业和个体工商户纾困发展",
         form="{i}领域中小企业和个体工商户纾困发展"),
    dict(file="112_yinzhou_qu_zhengce.txt", place="鄞州", kind="district", abbr="鄞",
         docno="鄞政办发〔2023〕45号", subject="促进数字经济高质量发展",
         form="促进{i}产业高质量发展", city="宁波"),
    dict(file="113_deqing_xian_zhengce.txt", place="德清", kind="county", abbr="德",
         docno="德政办发〔2024〕12号", subject="地理信息产业", form="{i}产业"),
    dict(file="201_nanjing_banfa.txt", place="南京", kind="city", abbr="宁",
         docno="宁政办规〔2025〕4号", subject="中小企业发展专项资金管理办法",
         form="{i}产业发展专项资金管理办法"),
    dict(file="202_qingdao_cuoshi.txt", place="青岛", kind="city", abbr="青",
         docno="青政办字〔2025〕8号", subject="支持海洋经济高质量发展",
         form="支持{i}产业高质量发展"),
    dict(file="203_xiamen_cuoshi.txt", place="厦门", kind="city", abbr="厦",
         docno="厦府〔2025〕41号", subject="促进外贸稳规模优结构",
         form="促进{i}产业外贸稳规模优结构"),
    dict(file="204_kunming_tongzhi.txt", place="昆明", kind="city", abbr="昆",
         docno="昆政办〔2025〕23号", subject="城市更新重点工作",
         form="{i}产业园区和城市更新重点工作"),
    dict(file="205_shenyang_fangan.txt", place="沈阳", kind="city", abbr="沈",
         docno="沈政办发〔2025〕11号", subject="推动大规模设备更新",
         form="推动{i}产业大规模设备更新"),
]

FW = str.maketrans("０１２３４５６７８９", "0123456789")
TO_FW = str.maketrans("0123456789", "０１２３４５６７８９")
CN_DIGITS = "〇一二三四五六七八九"
DOCNO = re.compile(r"^(.*?)〔(\d{4})〕(\d+)号$")

for t in TEMPLATES:
    text = (root / "samples" / t["file"]).read_text(encoding="utf-8")
    if t.get("fullwidth"):
        text = text.translate(FW)
    assert t["docno"] in text, t["file"]
    assert t["subject"] in text, t["file"]
    m = DOCNO.match(t["docno"])
    t["text"], t["prefix"], t["year"] = text, m.group(1), int(m.group(2))
    t["kind_word"] = m.group(1)[len(t["abbr"]):] if t["abbr"] else m.group(1)

# Pools for the 附件 that pads short documents: section headings (一、…) and
# numbered items ((一)…, 1.…) of every template, their place names blanked.
HEADING = re.compile(r"^[#\s]*[一二三四五六七八九十]+、\s*(\S{4,24})$")
ITEM = re.compile(r"^[-#\s]*(?:[（(][一二三四五六七八九十]+[）)]|\d+[.．、]\s*)(\S.{30,})$")
headings, items = [], []
for t in TEMPLATES:
    for line in t["text"].splitlines():
        line = line.strip().replace(t["place"], "\x00")
        if t.get("city"):
            line = line.replace(t["city"], "\x00")
        if (m := HEADING.match(line)):
            headings.append(m.group(1))
        elif (m := ITEM.match(line)) and "。" in m.group(1):
            items.append(m.group(1))
CN_NUM = "一二三四五六七八九十"


def cn_num(n):
    if n <= 10:
        return CN_NUM[n - 1]
    return ("" if n < 20 else CN_NUM[n // 10 - 1]) + "十" + (CN_NUM[n % 10 - 1] if n % 10 else "")


def shift_years(text, delta):
    def ascii_year(m):
        return str(int(m.group(1)) + delta)
    text = re.sub(r"(?<!\d)(20[0-3]\d)(?=年|-|/|〕|\.\d|）|\)|\s*年)", ascii_year, text)
    # a date whose 年月日 got lost on the way (000's signature: "202595")
    text = re.sub(r"(?m)^(\s*)(20[0-3]\d)(\d{2,4})\s*$",
                  lambda m: f"{m.group(1)}{int(m.group(2)) + delta}{m.group(3)}", text)

    def cn_year(m):
        digits = "".join(str(CN_DIGITS.index("〇" if c in "〇○零" else c)) for c in m.group(1))
        return "".join(CN_DIGITS[int(c)] for c in str(int(digits) + delta)) + "年"
    return re.sub(r"(二[〇○零][一二三四五六七八九〇○零]{2})年", cn_year, text)


def scale_amounts(text, factor):
    def repl(m):
        v = float(m.group(1)) * factor
        if v >= 10 or "." not in m.group(1) and abs(v - round(v)) < 1e-9:
            s = str(max(1, int(round(v))))
        else:
            s = f"{v:.1f}".rstrip("0").rstrip(".")
        return s + m.group(2)
    return re.sub(r"(\d+(?:\.\d+)?)(万元)", repl, text)


CN_YEARS = dict(一=1, 两=2, 二=2, 三=3, 四=4, 五=5, 六=6, 七=7, 八=8, 九=9, 十=10)
CRAWLED = (2026, 1, 1)  # the day the header's 有效/已失效 is as of (bench-db: --as-of)


def set_validity(text):
    """The site header's 有效/已失效 as of CRAWLED, from the moved dates."""
    m = re.search(r"有效期至(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if m:
        until = tuple(int(g) for g in m.groups())
    else:
        m = re.search(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|实施)[，,]?有效期"
                      r"([\d一两二三四五六七八九十])年", text)
        if not m:
            return text
        n = m.group(4)
        years = int(n) if n.isdigit() else CN_YEARS[n]
        until = (int(m.group(1)) + years, int(m.group(2)), int(m.group(3)))
    word = "已失效" if until < CRAWLED else "有效"
    return re.sub(r"(?m)^((?:时\s*效|有\s*效\s*性)[：:\s]+)(?:有效|已失效)",
                  lambda h: h.group(1) + word, text)


def appendix(place, industry, target, size):
    parts = ["", "", "附件", "", f"{place}{industry}产业政策申报指南", ""]
    sec = 0
    while size + sum(len(p.encode()) + 1 for p in parts) < target and sec < 30:
        sec += 1
        parts += [f"{cn_num(sec)}、{rng.choice(headings)}", ""]
        for k, item in enumerate(rng.sample(items, rng.randint(2, 5))):
            parts += [f"{k + 1}.{item}", ""]
    return "\n".join(parts).replace("\x00", place)


def find_title(lines):
    for i, line in enumerate(lines):
        s = line.strip().lstrip("#").strip()
        if "关于" in s and not any(c in s for c in " 　：:"):
            if not s.endswith(("通知", "意见", "措施", "办法", "方案")) and i + 1 < len(lines):
                nxt = lines[i + 1].strip()
                if nxt.endswith("的通知"):
                    return s + nxt, (i, i + 2)
            return s, (i, i + 1)
    return None, None


def to_html(text, place_full, seed_rng):
    lines = text.splitlines()
    title, (lo, hi) = find_title(lines)
    body = lines[:lo] + lines[hi:]
    esc = html.escape
    paras = "\n".join(f"<p>{esc(l.strip().lstrip('#-').strip())}</p>"
                      for l in body if l.strip())
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc(title)}_{esc(place_full)}人民政府</title></head>
<body>
<div class="top">{esc(place_full)}人民政府门户网站</div>
<div class="nav">首页 &gt; 政务公开 &gt; 政策文件</div>
<h1>{esc(title)}</h1>
<div class="info">来源：{esc(place_full)}人民政府　浏览次数：{seed_rng.randint(30, 9000)}</div>
<div class="tools">扫一扫在手机打开当前页　　字号：[大][中][小]　　打印本页</div>
<div class="content">
{paras}
</div>
<div class="foot">【打印本页】　【关闭窗口】</div>
<div class="copyright">主办：{esc(place_full)}人民政府办公室　网站标识码：{seed_rng.randint(1000000000, 9999999999)}</div>
</body></html>
"""


out.mkdir(parents=True, exist_ok=True)
used = set()
titles = set()
total = 0
n_html = 0
for i in range(a.docs):
    t = rng.choice(TEMPLATES)
    text = t["text"]
    # A title of its own: another place or industry while this template
    # already has the pair (gives up after 100 tries on a very large corpus).
    for _ in range(100):
        city = None
        if t["kind"] == "city":
            place, abbr = rng.choice(CITIES)
            pool_place = place + "市"
        elif t["kind"] == "province":
            place, abbr = rng.choice(PROVINCES)
            pool_place = place + "省"
        elif t["kind"] == "county":
            place, abbr = rng.choice(COUNTIES)
            pool_place = place + "县"
        else:  # a district of a city
            city, _ = rng.choice(CITIES)
            place, abbr = rng.choice(DISTRICTS)
            pool_place = place + "区"
        place_key = (city or "") + place
        industry = rng.choice(INDUSTRIES)
        if (t["file"], place_key, industry) not in titles:
            break
    titles.add((t["file"], place_key, industry))
    if city:
        text = text.replace(t["city"], city)
    year = rng.randint(2019, 2026)
    new_abbr = abbr if t["abbr"] else t["prefix"][: len(t["prefix"]) - len(t["kind_word"])]
    serial = rng.randint(1, 60)
    while (place_key, t["kind_word"], year, serial) in used:
        serial += 1
    used.add((place_key, t["kind_word"], year, serial))
    docno = f"{new_abbr}{t['kind_word']}〔{year}〕{serial}号"

    text = text.replace(t["subject"], t["form"].format(p=place, i=industry))
    text = text.replace(t["docno"], "\x01")  # keep the year shift off the new 文号
    if t["abbr"]:
        # other 文号 of the same place (连委办发〔2025〕9号, 合政〔2023〕58号)
        text = re.sub(re.escape(t["abbr"]) + r"(?=[\u4e00-\u9fff]{1,4}〔)", abbr, text)
    text = text.replace(t["place"], place)
    text = shift_years(text, year - t["year"])
    text = scale_amounts(text, rng.choice([0.5, 0.6, 0.8, 1, 1, 1.2, 1.5, 2, 2.5, 3]))
    text = text.replace("\x01", docno)

    text = set_validity(text)

    size = len(text.encode())
    target = min(40000, max(3000, rng.lognormvariate(math.log(8000), 0.5)))
    if size < target:
        text = text.rstrip("\n") + appendix(pool_place, industry, target, size) + "\n"
    if t.get("fullwidth"):
        text = text.translate(TO_FW)

    folder = out / f"{i // 500:03d}"
    folder.mkdir(exist_ok=True)
    stem = f"{i:05d}_{t['file'][:3]}"
    if rng.random() < 0.15:
        data = to_html(text, pool_place, rng).encode()
        name = folder / f"{stem}.html"
        n_html += 1
    else:
        data = text.encode()
        name = folder / f"{stem}.txt"
    name.write_bytes(data)
    total += len(data)
print(f"{a.docs} files ({a.docs - n_html} .txt, {n_html} .html), {total / 1e6:.1f} MB "
      f"(average {total / max(1, a.docs) / 1e3:.1f} KB) in {out}")
