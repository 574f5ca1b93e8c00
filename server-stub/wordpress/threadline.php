<?php
/**
 * Plugin Name: threadline
 * Description: Lets the threadline widget post and show inline comments on this site's own comments (REST API).
 * Version: 1.0.0
 * License: MIT
 *
 * A must-use plugin: copy this file into wp-content/mu-plugins/. Without it the widget still reads
 * comments, and posts where WordPress already allows it; with it:
 * - anonymous visitors may post through the REST API whenever the site's own settings allow
 *   comments without logging in (Settings → Discussion: "Users must be registered and logged in
 *   to comment" off). WordPress's other checks (moderation, flood, duplicates, closed posts) stay.
 * - an inline comment's anchor (the passage of the article it quotes) is stored as comment meta
 *   `threadline_anchor` and returned under `meta` in the REST API, so it survives a reload.
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'rest_allow_anonymous_comments',
	static function ( $allowed ) {
		return $allowed || ! get_option( 'comment_registration' );
	}
);

add_action(
	'init',
	static function () {
		register_meta(
			'comment',
			'threadline_anchor',
			array(
				'type'         => 'string',
				'single'       => true,
				'show_in_rest' => true,
				'description'  => 'threadline: the passage of the page an inline comment is anchored to (JSON).',
			)
		);
	}
);

/**
 * Visitors may not edit comment meta through REST, so the widget sends the anchor as a top-level
 * `threadline_anchor` field of the new comment; it is kept only on new top-level comments, only if
 * it is a small JSON object with the fields an anchor has.
 */
add_action(
	'rest_insert_comment',
	static function ( $comment, $request, $creating ) {
		$raw = $request->get_param( 'threadline_anchor' );
		if ( ! $creating || ! is_string( $raw ) || strlen( $raw ) > 4000 || (int) $comment->comment_parent !== 0 ) {
			return;
		}
		$anchor = json_decode( $raw, true );
		if ( ! is_array( $anchor ) || ! in_array( $anchor['type'] ?? '', array( 'quote', 'paragraph' ), true ) || ! is_string( $anchor['exact'] ?? null ) ) {
			return;
		}
		$kept = array_intersect_key( $anchor, array_flip( array( 'type', 'exact', 'prefix', 'suffix', 'position' ) ) );
		update_comment_meta( $comment->comment_ID, 'threadline_anchor', wp_slash( wp_json_encode( $kept ) ) );
	},
	10,
	3
);
