import { definePageWords } from '../translate.ts';

/**
 * The words of a dropped file's journey (issue 18): its read result and storage on /data, the
 * known place names in the Data issues view, and the incomplete days marked on time charts.
 * Loaded with the Sources page, the Data issues view and the chart panels.
 */
export const dataFilesWords = definePageWords({
  en: {
    'chart.incomplete.band': 'Figures incomplete',
    'chart.incomplete.legend': 'Day with rejected rows: figures incomplete',
    'chart.incomplete.note': {
      one: '{count} day with rejected rows: figures incomplete (hatched).',
      other: '{count} days with rejected rows: figures incomplete (hatched).',
    },
    'chart.incomplete.undated': {
      one: '{count} rejected row has no readable date and cannot be placed on a day.',
      other: '{count} rejected rows have no readable date and cannot be placed on a day.',
    },
    'chart.incomplete.col': 'Rows rejected',
    'chart.incomplete.cell': {
      one: '{count} rejected: incomplete',
      other: '{count} rejected: incomplete',
    },
    'sources.file.result': 'Read',
    'sources.file.read': {
      one: 'Read {count} row: {accepted} accepted, {rejected} rejected',
      other: 'Read {count} rows: {accepted} accepted, {rejected} rejected',
    },
    'sources.file.failed': 'Could not be read',
    'sources.file.stored': 'Stored on this device — not uploaded. It stays until you remove it.',
    'sources.file.saving': 'Keeping it on this device…',
    'sources.file.session.quota':
      'This device’s storage is full: the file is kept for this session only and will be gone after a reload. Nothing was uploaded.',
    'sources.file.session.unavailable':
      'This browser does not let the page keep files (private browsing?): the file is kept for this session only and will be gone after a reload.',
    'sources.drop.status.reading': '{name}: reading… {rows} rows so far',
    'sources.drop.status.done': '{name}: {result}.',
    'sources.drop.status.failed': '{error}',
    'sources.drop.showRejected': {
      one: 'Show the rejected row',
      other: 'Show the {count} rejected rows',
    },
    'dataIssues.scroll': 'Data issues table',
    'dataIssues.known.title': 'Places the rows of {name} can name',
    'dataIssues.known.intro':
      'Some rows name a place that is not known here. Write each place as one of these names, in any language, or an alias; words such as “crossing”, “gate”, “معبر” or “מעבר” may be added or left out.',
    'dataIssues.known.en': 'In English',
    'dataIssues.known.ar': 'In Arabic',
    'dataIssues.known.he': 'In Hebrew',
    'dataIssues.known.aliases': 'Other names',
  },
  ar: {
    'chart.incomplete.band': 'أرقام ناقصة',
    'chart.incomplete.legend': 'يوم فيه صفوف مرفوضة: الأرقام ناقصة',
    'chart.incomplete.note': {
      zero: 'لا أيام فيها صفوف مرفوضة.',
      one: 'يوم واحد فيه صفوف مرفوضة: الأرقام ناقصة (مظلّل).',
      two: 'يومان فيهما صفوف مرفوضة: الأرقام ناقصة (مظلّلة).',
      few: '{count} أيام فيها صفوف مرفوضة: الأرقام ناقصة (مظلّلة).',
      many: '{count} يوماً فيها صفوف مرفوضة: الأرقام ناقصة (مظلّلة).',
      other: '{count} يوم فيها صفوف مرفوضة: الأرقام ناقصة (مظلّلة).',
    },
    'chart.incomplete.undated': {
      zero: 'لا صفوف مرفوضة بلا تاريخ.',
      one: 'صف مرفوض واحد بلا تاريخ مقروء، فلا يمكن وضعه في يوم.',
      two: 'صفان مرفوضان بلا تاريخ مقروء، فلا يمكن وضعهما في يوم.',
      few: '{count} صفوف مرفوضة بلا تاريخ مقروء، فلا يمكن وضعها في يوم.',
      many: '{count} صفاً مرفوضاً بلا تاريخ مقروء، فلا يمكن وضعها في يوم.',
      other: '{count} صف مرفوض بلا تاريخ مقروء، فلا يمكن وضعها في يوم.',
    },
    'chart.incomplete.col': 'الصفوف المرفوضة',
    'chart.incomplete.cell': {
      zero: 'لا شيء',
      one: 'رُفض صف واحد: ناقص',
      two: 'رُفض صفان: ناقص',
      few: 'رُفضت {count} صفوف: ناقص',
      many: 'رُفض {count} صفاً: ناقص',
      other: 'رُفض {count} صف: ناقص',
    },
    'sources.file.result': 'القراءة',
    'sources.file.read': {
      zero: 'لم يُقرأ أي صف: قُبل {accepted} ورُفض {rejected}',
      one: 'قُرئ صف واحد: قُبل {accepted} ورُفض {rejected}',
      two: 'قُرئ صفان: قُبل {accepted} ورُفض {rejected}',
      few: 'قُرئت {count} صفوف: قُبل {accepted} ورُفض {rejected}',
      many: 'قُرئ {count} صفاً: قُبل {accepted} ورُفض {rejected}',
      other: 'قُرئ {count} صف: قُبل {accepted} ورُفض {rejected}',
    },
    'sources.file.failed': 'تعذّرت القراءة',
    'sources.file.stored': 'محفوظ على هذا الجهاز، ولم يُرفع. يبقى حتى تزيله.',
    'sources.file.saving': 'جارٍ حفظه على هذا الجهاز…',
    'sources.file.session.quota':
      'مساحة التخزين على هذا الجهاز ممتلئة: يبقى الملف في هذه الجلسة فقط ويزول عند إعادة التحميل. لم يُرفع شيء.',
    'sources.file.session.unavailable':
      'هذا المتصفح لا يسمح للصفحة بحفظ الملفات (تصفح خاص؟): يبقى الملف في هذه الجلسة فقط ويزول عند إعادة التحميل.',
    'sources.drop.status.reading': '{name}: جارٍ القراءة… {rows} صفاً حتى الآن',
    'sources.drop.status.done': '{name}: {result}.',
    'sources.drop.status.failed': '{error}',
    'sources.drop.showRejected': {
      zero: 'لا صفوف مرفوضة',
      one: 'عرض الصف المرفوض',
      two: 'عرض الصفين المرفوضين',
      few: 'عرض الصفوف المرفوضة ({count})',
      many: 'عرض الصفوف المرفوضة ({count})',
      other: 'عرض الصفوف المرفوضة ({count})',
    },
    'dataIssues.scroll': 'جدول مشكلات البيانات',
    'dataIssues.known.title': 'الأماكن التي يمكن أن تسمّيها صفوف {name}',
    'dataIssues.known.intro':
      'بعض الصفوف تسمّي مكاناً غير معروف هنا. اكتب كل مكان بأحد هذه الأسماء، بأي لغة، أو باسم بديل؛ ويمكن إضافة كلمات مثل «معبر» أو «بوابة» أو حذفها.',
    'dataIssues.known.en': 'الإنجليزية',
    'dataIssues.known.ar': 'العربية',
    'dataIssues.known.he': 'العبرية',
    'dataIssues.known.aliases': 'أسماء أخرى',
  },
  he: {
    'chart.incomplete.band': 'נתונים חלקיים',
    'chart.incomplete.legend': 'יום עם שורות שנדחו: הנתונים חלקיים',
    'chart.incomplete.note': {
      one: 'יום אחד עם שורות שנדחו: הנתונים חלקיים (מקווקו).',
      two: 'יומיים עם שורות שנדחו: הנתונים חלקיים (מקווקו).',
      other: '{count} ימים עם שורות שנדחו: הנתונים חלקיים (מקווקו).',
    },
    'chart.incomplete.undated': {
      one: 'שורה אחת שנדחתה ללא תאריך קריא, ולא ניתן לשייך אותה ליום.',
      two: 'שתי שורות שנדחו ללא תאריך קריא, ולא ניתן לשייך אותן ליום.',
      other: '{count} שורות שנדחו ללא תאריך קריא, ולא ניתן לשייך אותן ליום.',
    },
    'chart.incomplete.col': 'שורות שנדחו',
    'chart.incomplete.cell': {
      one: 'שורה אחת נדחתה: חלקי',
      two: 'שתי שורות נדחו: חלקי',
      other: '{count} שורות נדחו: חלקי',
    },
    'sources.file.result': 'קריאה',
    'sources.file.read': {
      one: 'נקראה שורה אחת: {accepted} התקבלו, {rejected} נדחו',
      two: 'נקראו שתי שורות: {accepted} התקבלו, {rejected} נדחו',
      other: 'נקראו {count} שורות: {accepted} התקבלו, {rejected} נדחו',
    },
    'sources.file.failed': 'לא ניתן לקרוא',
    'sources.file.stored': 'שמור במכשיר הזה — לא הועלה. נשאר עד שתסירו אותו.',
    'sources.file.saving': 'שומר אותו במכשיר הזה…',
    'sources.file.session.quota':
      'האחסון במכשיר הזה מלא: הקובץ נשמר לשיחה הזו בלבד ויימחק בטעינה מחדש. דבר לא הועלה.',
    'sources.file.session.unavailable':
      'הדפדפן הזה אינו מאפשר לדף לשמור קבצים (גלישה פרטית?): הקובץ נשמר לשיחה הזו בלבד ויימחק בטעינה מחדש.',
    'sources.drop.status.reading': '{name}: קורא… {rows} שורות עד כה',
    'sources.drop.status.done': '{name}: {result}.',
    'sources.drop.status.failed': '{error}',
    'sources.drop.showRejected': {
      one: 'הצגת השורה שנדחתה',
      two: 'הצגת שתי השורות שנדחו',
      other: 'הצגת {count} השורות שנדחו',
    },
    'dataIssues.scroll': 'טבלת בעיות הנתונים',
    'dataIssues.known.title': 'המקומות ששורות {name} יכולות לציין',
    'dataIssues.known.intro':
      'חלק מהשורות מציינות מקום שאינו מוכר כאן. כתבו כל מקום באחד מהשמות האלה, בכל שפה, או בשם חלופי; אפשר להוסיף או להשמיט מילים כמו „מעבר” או „שער”.',
    'dataIssues.known.en': 'אנגלית',
    'dataIssues.known.ar': 'ערבית',
    'dataIssues.known.he': 'עברית',
    'dataIssues.known.aliases': 'שמות אחרים',
  },
});
