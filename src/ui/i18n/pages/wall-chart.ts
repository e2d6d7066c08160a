import { definePageWords } from '../translate.ts';

/** The words charts add on the wall (ui/chart's lazily loaded bodies), loaded with them. */
export const wallChartWords = definePageWords({
  en: {
    'chart.wall.moreRows': {
      one: '1 more below this list, shown on the overview',
      other: '{count} more below this list, shown on the overview',
    },
  },
  ar: {
    'chart.wall.moreRows': {
      zero: 'لا شيء آخر أسفل هذه القائمة',
      one: 'بند واحد آخر أسفل هذه القائمة، يظهر في النظرة العامة',
      two: 'بندان آخران أسفل هذه القائمة، يظهران في النظرة العامة',
      few: '{count} بنود أخرى أسفل هذه القائمة، تظهر في النظرة العامة',
      many: '{count} بنداً آخر أسفل هذه القائمة، تظهر في النظرة العامة',
      other: '{count} بند آخر أسفل هذه القائمة، تظهر في النظرة العامة',
    },
  },
  he: {
    'chart.wall.moreRows': {
      one: 'עוד פריט אחד מתחת לרשימה זו, מוצג בסקירה הכללית',
      two: 'עוד שני פריטים מתחת לרשימה זו, מוצגים בסקירה הכללית',
      other: 'עוד {count} פריטים מתחת לרשימה זו, מוצגים בסקירה הכללית',
    },
  },
});
