// 「行を追加」: a form's repeated rows (明細, 立替経費, 稼動の日) show as many as are filled — at least one,
// or none where data-none says the group may stay empty — and a button shows the next. Every row
// stays in the form, so without scripts all of them simply show.
document.querySelectorAll('[data-rows]').forEach(function (group) {
  var rows = Array.prototype.slice.call(group.querySelectorAll('[data-row]'));
  var filled = function (row) {
    return Array.prototype.some.call(row.querySelectorAll('input'), function (input) { return input.value !== ''; });
  };
  var last = -1;
  rows.forEach(function (row, i) { if (filled(row)) { last = i; } });
  var shown = Math.max(last + 1, group.dataset.none ? 0 : 1);
  rows.forEach(function (row, i) { row.hidden = i >= shown; });
  var add = document.createElement('button');
  add.type = 'button';
  add.className = 'secondary add-row';
  add.id = group.dataset.rows + '-add';
  add.textContent = '＋ ' + group.dataset.add;
  add.hidden = shown >= rows.length;
  add.addEventListener('click', function () {
    var next = rows.find(function (row) { return row.hidden; });
    if (next) {
      next.hidden = false;
      next.querySelector('input').focus();
    }
    add.hidden = !rows.some(function (row) { return row.hidden; });
  });
  group.appendChild(add);
});
