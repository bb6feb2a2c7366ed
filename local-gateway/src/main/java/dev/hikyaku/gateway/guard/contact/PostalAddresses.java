package dev.hikyaku.gateway.guard.contact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds postal addresses in text. Japanese: a postal code with its mark (〒100-0005), a postal code followed
 * by a prefecture (100-0005 東京都), and a prefecture, a city, ward, town or village and a block number
 * (東京都千代田区丸の内1-1-1, 大阪府大阪市北区梅田3丁目1番1号). International: a US state and ZIP code after
 * a town and comma (New York, NY 10001) and a UK postcode of a real postcode area (SW1A 1AA).
 *
 * <p>Pieces of one address (〒 code, then the prefecture line) are merged, and an address written twice
 * (a quoted signature) counts once. A bare seven-digit number, a prefecture named in a sentence, or two
 * capital letters before five digits do not count.
 */
public final class PostalAddresses {
    private static final String PREFECTURE = "(?:北海道|東京都|(?:大阪|京都)府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬"
            + "|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口"
            + "|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)";
    private static final String US_STATES = "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN"
            + "|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI)";
    /** The 121 postcode areas of the United Kingdom, so that "MP3 4GB" is not an address. */
    private static final String UK_AREAS = "(?:AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|B|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD"
            + "|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|E|FK|FY|GL|GU|GY|G|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW"
            + "|KY|LA|LD|LE|LL|LN|LS|LU|L|ME|MK|ML|M|NE|NG|NN|NP|NR|NW|N|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG"
            + "|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|S|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|W|YO|ZE)";

    private static final Pattern ADDRESS = Pattern.compile(String.join("|",
            // 〒100-0005 (the mark makes a bare code an address)
            "〒 ?\\d{3}-?\\d{4}(?!\\d)",
            // 100-0005 東京都
            "(?<![\\d\\-])\\d{3}-\\d{4} ?" + PREFECTURE,
            // 東京都千代田区丸の内1-1-1: prefecture, municipality, then a block number
            PREFECTURE + "[^\\s\\d、。,]{1,15}?(?:市|区|町|村|郡)[^\\s、。,]{0,20}?(?:\\d{1,5}|[一二三四五六七八九十]{1,3})"
                    + "(?:丁目|番地?|号|-|の)",
            // New York, NY 10001 / San Francisco, CA 94105-1234
            "(?<=[A-Za-z.]) ?, ?" + US_STATES + " \\d{5}(?:-\\d{4})?(?![\\d\\-])",
            // SW1A 1AA, M1 1AE
            "(?<![A-Za-z\\d])" + UK_AREAS + "\\d[A-Z\\d]? \\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z\\d])"));

    /** Pieces this close together are one address (〒 code on one line, the rest on the next). */
    private static final int SAME_ADDRESS_GAP = 3;

    private PostalAddresses() {
    }

    /** The distinct addresses in {@code text}, each as the matched pieces with spaces removed, in text order. */
    public static List<String> find(String text) {
        String normalised = ContactText.normalise(text);
        Matcher matcher = ADDRESS.matcher(normalised);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && matcher.start() - last[1] <= SAME_ADDRESS_GAP) {
                last[1] = Math.max(last[1], matcher.end());
            } else {
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (int[] span : spans) {
            addresses.add(normalised.substring(span[0], span[1]).replaceAll("[\\s,]", ""));
        }
        return List.copyOf(addresses);
    }

    /** How many distinct addresses {@code text} holds. */
    public static int count(String text) {
        return find(text).size();
    }
}
