import { definePageWords } from '../translate.ts';

/** The words of the fuel by type panel (features/fuel), loaded with it. */
export const fuelEntryWords = definePageWords({
  en: {
    'fuelEntry.subtitle':
      'Fuel entered per day by type, each in its own unit, {period} ({resolution}). One bar per source.',
    'fuelEntry.panel': '{fuel} — {unit}',
    'fuelEntry.fuel.diesel': 'Diesel',
    'fuelEntry.fuel.petrol': 'Petrol',
    'fuelEntry.fuel.cooking-gas': 'Cooking gas',
    'fuelEntry.unit.litres': 'litres per day',
    'fuelEntry.unit.tonnes': 'tonnes per day',
    'fuelEntry.need': 'Need stated by {source}',
    'fuelEntry.noNeed': 'not stated',
    'fuelEntry.note.units':
      'Diesel and petrol are counted in litres, cooking gas in tonnes: each fuel has its own chart and axis.',
    'fuelEntry.note.never':
      'Each source has its own bar: figures are never added up across sources.',
    'fuelEntry.note.need':
      'Dashed lines: the need per day as stated by {sources}, summed over the crossings a need is stated for.',
    'fuelEntry.note.noNeed': 'No source states a need for this period.',
    'fuelEntry.table.caption': 'Fuel entered by type, per source, against the stated need',
    'fuelEntry.col.fuel': 'Fuel',
    'fuelEntry.col.unit': 'Unit',
    'fuelEntry.col.perDay': 'Per day',
    'fuelEntry.col.total': 'Total',
    'fuelEntry.col.need': 'Stated need per day',
  },
  ar: {
    'fuelEntry.subtitle':
      'الوقود الداخل يومياً حسب النوع، كلٌّ بوحدته، {period} ({resolution}). عمود لكل مصدر.',
    'fuelEntry.panel': '{fuel} — {unit}',
    'fuelEntry.fuel.diesel': 'ديزل (سولار)',
    'fuelEntry.fuel.petrol': 'بنزين',
    'fuelEntry.fuel.cooking-gas': 'غاز الطهي',
    'fuelEntry.unit.litres': 'لتر يومياً',
    'fuelEntry.unit.tonnes': 'طن يومياً',
    'fuelEntry.need': 'الاحتياج بحسب {source}',
    'fuelEntry.noNeed': 'غير مذكور',
    'fuelEntry.note.units':
      'يُحسب الديزل والبنزين باللتر وغاز الطهي بالطن: لكل نوع وقود رسمه ومحوره الخاص.',
    'fuelEntry.note.never': 'لكل مصدر عموده الخاص: لا تُجمع الأرقام من مصادر مختلفة أبداً.',
    'fuelEntry.note.need':
      'الخطوط المتقطعة: الاحتياج اليومي كما يذكره {sources}، مجموعاً على المعابر التي يُذكر لها احتياج.',
    'fuelEntry.note.noNeed': 'لا يذكر أي مصدر احتياجاً لهذه الفترة.',
    'fuelEntry.table.caption': 'الوقود الداخل حسب النوع، لكل مصدر، مقارنةً بالاحتياج المذكور',
    'fuelEntry.col.fuel': 'الوقود',
    'fuelEntry.col.unit': 'الوحدة',
    'fuelEntry.col.perDay': 'يومياً',
    'fuelEntry.col.total': 'المجموع',
    'fuelEntry.col.need': 'الاحتياج اليومي المذكور',
  },
  he: {
    'fuelEntry.subtitle':
      'דלק שנכנס ביום לפי סוג, כל סוג ביחידה שלו, {period} ({resolution}). עמודה לכל מקור.',
    'fuelEntry.panel': '{fuel} — {unit}',
    'fuelEntry.fuel.diesel': 'סולר',
    'fuelEntry.fuel.petrol': 'בנזין',
    'fuelEntry.fuel.cooking-gas': 'גז בישול',
    'fuelEntry.unit.litres': 'ליטרים ביום',
    'fuelEntry.unit.tonnes': 'טונות ביום',
    'fuelEntry.need': 'הצורך לפי {source}',
    'fuelEntry.noNeed': 'לא צוין',
    'fuelEntry.note.units':
      'סולר ובנזין נמדדים בליטרים, גז בישול בטונות: לכל סוג דלק תרשים וציר משלו.',
    'fuelEntry.note.never': 'לכל מקור עמודה משלו: נתונים ממקורות שונים אינם מחוברים לעולם.',
    'fuelEntry.note.need':
      'קווים מקווקווים: הצורך היומי כפי שמציין {sources}, בסכום על פני המעברים שלגביהם צוין צורך.',
    'fuelEntry.note.noNeed': 'אף מקור אינו מציין צורך לתקופה זו.',
    'fuelEntry.table.caption': 'דלק שנכנס לפי סוג, לכל מקור, מול הצורך שצוין',
    'fuelEntry.col.fuel': 'דלק',
    'fuelEntry.col.unit': 'יחידה',
    'fuelEntry.col.perDay': 'ביום',
    'fuelEntry.col.total': 'סך הכול',
    'fuelEntry.col.need': 'הצורך היומי שצוין',
  },
});
