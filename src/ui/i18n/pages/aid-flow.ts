import { definePageWords } from '../translate.ts';

/**
 * The aid-flow chart's words for its interval and total options (features/aid-flow), loaded
 * with the chart rather than with the first page.
 */
export const aidFlowWords = definePageWords({
  en: {
    'aidFlow.control.interval': 'Interval',
    'aidFlow.interval.auto': 'Automatic (fits the width)',
    'aidFlow.interval.day': 'Day',
    'aidFlow.interval.week': 'Week',
    'aidFlow.interval.month': 'Month',
    'aidFlow.control.aggregate': 'Show',
    'aidFlow.aggregate.average': 'Average per day',
    'aidFlow.aggregate.total': 'Total per interval',
    'aidFlow.noun.trucks': 'trucks',
    'aidFlow.noun.tonnes': 'tonnes',
    'aidFlow.unit.total.day': '{noun} per day',
    'aidFlow.unit.total.week': '{noun} per week',
    'aidFlow.unit.total.month': '{noun} per month',
    'aidFlow.subtitle.total':
      '{unit} by {by}, {period}. One bar per source and stage; lighter bars are partial intervals.',
    'aidFlow.partial': 'partial',
    'aidFlow.partialDays': '{days}, partial',
    'aidFlow.legend.partial': 'Lighter bar: partial interval (fewer days reported than it has)',
    'aidFlow.note.total.day': 'Each bar is one day’s total.',
    'aidFlow.note.total.week':
      'Each bar is the total of a week (Monday to Sunday) over the days the source reported. A week cut at the period’s start or end, or with days not reported, is partial: drawn lighter and marked in the table, not a low week.',
    'aidFlow.note.total.month':
      'Each bar is the total of a calendar month over the days the source reported. A month cut at the period’s start or end, or with days not reported, is partial: drawn lighter and marked in the table, not a low month.',
    'aidFlow.note.noTarget':
      'The agreed target and the pre-crisis level are per day: they are drawn with averages per day and daily bars, not with totals.',
    'aidFlow.note.periodTotal':
      'Total over the period, {group}: {value} {noun} (from {from} to {to}; {reported} of {days} days reported).',
    'aidFlow.periodRow': 'Whole period ({period})',
    'aidFlow.col.intervalDays': 'Days in interval',
    'aidFlow.col.partial': 'Partial',
  },
  ar: {
    'aidFlow.control.interval': 'الفترة',
    'aidFlow.interval.auto': 'تلقائي (حسب العرض)',
    'aidFlow.interval.day': 'يوم',
    'aidFlow.interval.week': 'أسبوع',
    'aidFlow.interval.month': 'شهر',
    'aidFlow.control.aggregate': 'العرض',
    'aidFlow.aggregate.average': 'المتوسط اليومي',
    'aidFlow.aggregate.total': 'المجموع لكل فترة',
    'aidFlow.noun.trucks': 'شاحنة',
    'aidFlow.noun.tonnes': 'طن',
    'aidFlow.unit.total.day': '{noun} يومياً',
    'aidFlow.unit.total.week': '{noun} أسبوعياً',
    'aidFlow.unit.total.month': '{noun} شهرياً',
    'aidFlow.subtitle.total':
      '{unit} حسب {by}، {period}. عمود واحد لكل مصدر ومرحلة؛ الأعمدة الفاتحة فترات ناقصة.',
    'aidFlow.partial': 'ناقصة',
    'aidFlow.partialDays': '{days}، ناقصة',
    'aidFlow.legend.partial': 'عمود فاتح: فترة ناقصة (أيام مُبلَّغ عنها أقل من أيام الفترة)',
    'aidFlow.note.total.day': 'كل عمود هو مجموع يوم واحد.',
    'aidFlow.note.total.week':
      'كل عمود هو مجموع أسبوع (من الاثنين إلى الأحد) على الأيام التي أبلغ عنها المصدر. الأسبوع المقطوع عند بداية الفترة أو نهايتها، أو الذي فيه أيام بلا بلاغ، ناقص: يُرسم بلون أفتح ويُشار إليه في الجدول، وليس أسبوعاً منخفضاً.',
    'aidFlow.note.total.month':
      'كل عمود هو مجموع شهر ميلادي على الأيام التي أبلغ عنها المصدر. الشهر المقطوع عند بداية الفترة أو نهايتها، أو الذي فيه أيام بلا بلاغ، ناقص: يُرسم بلون أفتح ويُشار إليه في الجدول، وليس شهراً منخفضاً.',
    'aidFlow.note.noTarget':
      'الهدف المتفق عليه ومستوى ما قبل الأزمة يوميان: يُرسمان مع المتوسطات اليومية والأعمدة اليومية، لا مع المجاميع.',
    'aidFlow.note.periodTotal':
      'المجموع على الفترة، {group}: {value} {noun} (من {from} إلى {to}؛ {reported} من {days} يوماً مُبلَّغ عنها).',
    'aidFlow.periodRow': 'الفترة كاملة ({period})',
    'aidFlow.col.intervalDays': 'أيام الفترة',
    'aidFlow.col.partial': 'ناقصة',
  },
  he: {
    'aidFlow.control.interval': 'מרווח',
    'aidFlow.interval.auto': 'אוטומטי (לפי הרוחב)',
    'aidFlow.interval.day': 'יום',
    'aidFlow.interval.week': 'שבוע',
    'aidFlow.interval.month': 'חודש',
    'aidFlow.control.aggregate': 'הצגה',
    'aidFlow.aggregate.average': 'ממוצע ליום',
    'aidFlow.aggregate.total': 'סה״כ למרווח',
    'aidFlow.noun.trucks': 'משאיות',
    'aidFlow.noun.tonnes': 'טונות',
    'aidFlow.unit.total.day': '{noun} ביום',
    'aidFlow.unit.total.week': '{noun} בשבוע',
    'aidFlow.unit.total.month': '{noun} בחודש',
    'aidFlow.subtitle.total':
      '{unit} לפי {by}, {period}. עמודה אחת לכל מקור ושלב; עמודות בהירות הן מרווחים חלקיים.',
    'aidFlow.partial': 'חלקי',
    'aidFlow.partialDays': '{days}, חלקי',
    'aidFlow.legend.partial': 'עמודה בהירה: מרווח חלקי (פחות ימים מדווחים ממספר ימיו)',
    'aidFlow.note.total.day': 'כל עמודה היא סך יום אחד.',
    'aidFlow.note.total.week':
      'כל עמודה היא סך שבוע (שני עד ראשון) בימים שהמקור דיווח. שבוע שנחתך בתחילת התקופה או בסופה, או שיש בו ימים ללא דיווח, הוא חלקי: מצויר בהיר יותר ומסומן בטבלה, ואינו שבוע נמוך.',
    'aidFlow.note.total.month':
      'כל עמודה היא סך חודש קלנדרי בימים שהמקור דיווח. חודש שנחתך בתחילת התקופה או בסופה, או שיש בו ימים ללא דיווח, הוא חלקי: מצויר בהיר יותר ומסומן בטבלה, ואינו חודש נמוך.',
    'aidFlow.note.noTarget':
      'היעד המוסכם והרמה שלפני המשבר הם ליום: הם מוצגים עם ממוצעים ליום ועמודות יומיות, לא עם סכומים.',
    'aidFlow.note.periodTotal':
      'סה״כ לתקופה, {group}: {value} {noun} (מ־{from} עד {to}; {reported} מתוך {days} ימים דווחו).',
    'aidFlow.periodRow': 'כל התקופה ({period})',
    'aidFlow.col.intervalDays': 'ימים במרווח',
    'aidFlow.col.partial': 'חלקי',
  },
});
