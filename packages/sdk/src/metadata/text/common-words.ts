/**
 * Short English words (and broker shorthand) that are also IATA/ICAO codes or airport-name
 * fragments: `THE` is Teresina, `PAX` is Port-de-Paix, `CAN` is Guangzhou, `DEC` is Decatur. The
 * parser never reads them as airports unless they are written in capitals right next to a
 * route connector (`TEB-CAN`).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor for of to in on at by up as is it be am are was were has had have
  do did does can may might must will would shall should could not no yes all any few one two
  six ten our out own off too now new old how who why what when where which this that these those
  there here then than with from into onto over via per pax vip fbo eta etd usd eur gbp chf asap
  tbd tba ceo cfo coo llc inc ltd plc jet fly way day days trip date time leg legs back need
  needs want wants book quote quotes price team sir all pls plz thx thanks hi hey hello dear
  please also just only some more most much many next last same soon late early get got let
  see saw say said tell told call ask asked send sent sure okay ok fine good great best
  jan feb mar apr may jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  today tonight tomorrow week month year am pm noon rt ow return round trip his her him she he
  its you your they them their we us me my mine i ours hers flight flights plane planes charter
  pets pet dog dogs bags bag luggage ski skis golf crew food wifi cat lav aog ach usa uk eu nda pdf
  mou loi wire ops fyi eod cob tbc pic sic`.split(/\s+/),
);
