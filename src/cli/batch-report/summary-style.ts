/**
 * The summary's layout. Wide screens: one line per workbook in a fixed-layout table (columns keep their widths,
 * so nothing shrinks to a character per line; the problem column takes what is left and truncates to one line
 * until opened). Narrow screens (under 960 px): each workbook is a card, counts labelled. Print: landscape, the
 * filtered rows as shown, the problem text in full, no tools.
 */
export const SUMMARY_CSS = `
header p{margin:4px 0}
nav a{white-space:nowrap}
.tools[hidden]{display:none}
.tools{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin:8px 0;padding:8px;background:#faf9f8;border:1px solid #e1dfdd}
.tools label{white-space:nowrap;max-width:100%;display:flex;align-items:center;gap:4px}
.tools select,.tools input{font:inherit;font-size:13px;max-width:100%;min-width:0}
.tools select{max-width:15em}.tools label.wide select{max-width:24em}
.tools input{width:10em}
#shown{margin:4px 0;color:#605e5c}
table.rows{table-layout:fixed}
table.rows th.h0{width:3.4em}table.rows th.h1{width:19%}table.rows th.h2{width:15%}table.rows th.h3{width:4.2em}
table.rows th.h4{width:4.6em}table.rows th.h5,table.rows th.h6,table.rows th.h7,table.rows th.h8,table.rows th.h9{width:4.2em}
table.rows th{overflow:hidden;text-overflow:ellipsis}
table.rows td.f,table.rows td.u{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
table.rows tr:has(details[open]) td.f,table.rows tr:has(details[open]) td.u{white-space:normal;overflow-wrap:anywhere}
td.y{white-space:nowrap}td.guess{text-decoration:underline dotted;color:#605e5c}
td.t{overflow:hidden}
td.t summary{display:block;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;list-style:none}
td.t summary::-webkit-details-marker{display:none}
td.t summary::before{content:"▸ ";color:#605e5c}td.t details[open] summary::before{content:"▾ "}
td.t details[open] summary{white-space:normal}
td.t p{margin:2px 0 0;color:#605e5c;font-size:13px}
td.t b{font-weight:600}
button.sort{all:unset}
.js button.sort{cursor:pointer;border-bottom:1px dotted #605e5c}
.js button.sort:focus-visible{outline:2px solid #0f5ea8;outline-offset:1px}
th[aria-sort=descending] button.sort::after{content:" ↓"}th[aria-sort=ascending] button.sort::after{content:" ↑"}
table.overview td:first-child{overflow-wrap:anywhere}
input.toggle{position:absolute;opacity:0;width:1px;height:1px}
label.toggle{display:inline-block;margin:6px 0 0;cursor:pointer;color:#0f5ea8;border-bottom:1px dotted #0f5ea8}
#all-rules:focus-visible~label.toggle{outline:2px solid #0f5ea8;outline-offset:1px}
#all-rules:checked~label.toggle{display:none}
#all-rules:not(:checked)~table tr.extra{display:none}
table.overview code{color:#605e5c;white-space:nowrap}
#none{padding:12px;color:#605e5c}
/* On screen the column headers stay in view while 1,000 rows scroll (on paper they repeat per page instead). */
@media screen and (min-width:960px){table.rows thead th{position:sticky;top:0;z-index:1;box-shadow:0 1px 0 #c8c6c4}}
@media screen and (max-width:959px){
  body{margin:12px}
  table.rows,table.rows tbody,table.rows tr{display:block}
  table.rows thead{display:none}
  table.rows tr{padding:6px 0;border-bottom:1px solid #c8c6c4}
  table.rows tr[hidden]{display:none}
  table.rows td{display:inline-block;border:0;padding:1px 8px 1px 0;vertical-align:baseline}
  table.rows td.f{display:block;font-weight:600}
  table.rows td.n:first-child{display:none}
  table.rows td.t{display:block}
  td.c-o::before{content:"待处理 "}td.c-e::before{content:"错误 "}td.c-w::before{content:"警告 "}td.c-x::before{content:"已说明 "}td.c-n::before{content:"提示 "}
  table.rows td.n::before{color:#605e5c;font-weight:400}
  table.rows td.f,table.rows td.u{white-space:normal;overflow:visible;overflow-wrap:anywhere}
  table.rows td.n.z:not(.c-o){display:none}
  table.overview,table.overview tbody,table.overview tr{display:block}
  table.overview thead{display:none}
  table.overview tr{padding:4px 0;border-bottom:1px solid #e1dfdd}
  table.overview td{display:inline-block;border:0;padding:1px 8px 1px 0}
  table.overview td:first-child{display:block}
  table.overview tr.extra{display:none}
  #all-rules:checked~table tr.extra{display:block}
  td.o-w::before{content:"工作簿 "}td.o-f::before{content:"问题 "}td.o-x::before{content:"已说明 "}
  table.overview td.n::before{color:#605e5c}
}
@media print{
  #all-rules~table tr.extra{display:table-row!important}
  table.rows td.t summary{white-space:normal}
  td.t p{display:none}
  td.t summary::before{content:none}
  .js button.sort,button.sort{border:0}
  table.rows td.f,table.rows td.u{white-space:normal;overflow-wrap:anywhere}
  th[aria-sort] button.sort::after{content:none}
}
`;
