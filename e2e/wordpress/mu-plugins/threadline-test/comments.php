<?php
// Replaces the theme's comments template: the place threadline's section goes (data-target).
?>
<div id="threadline-comments" class="comments-area default-max-width"></div>
